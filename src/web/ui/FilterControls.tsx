import { Flex, Select, Switch, Typography } from 'antd';
import { oneOf } from '../lib/params';
import type { ListParams } from '../lib/useListParams';
import { usePhone } from './usePhone';

/**
 * A filter of a list page picking one of `values` (status, kind, category), kept in the URL as
 * `param`; cleared, it filters nothing. The full width on a phone.
 */
export function EnumFilter<T extends string>({
  list,
  param,
  values,
  label,
  placeholder,
  width = 130,
  'data-testid': dataTestId,
}: {
  list: ListParams;
  param: string;
  values: readonly T[];
  label: (value: T) => string;
  placeholder: string;
  width?: number;
  'data-testid'?: string;
}) {
  const phone = usePhone();
  return (
    <Select<T>
      allowClear
      placeholder={placeholder}
      value={oneOf(list.params.get(param), values)}
      onChange={(v) => list.update({ [param]: v })}
      options={values.map((value) => ({ value, label: label(value) }))}
      style={{ width: phone ? '100%' : width }}
      data-testid={dataTestId}
    />
  );
}

/** A yes/no filter of a list page (`checked` as the page reads it; `onChange` sets the URL). */
export function SwitchFilter({
  checked,
  onChange,
  label,
  'data-testid': dataTestId,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  'data-testid'?: string;
}) {
  return (
    <Flex align="center" gap={6}>
      <Switch checked={checked} onChange={onChange} size="small" data-testid={dataTestId} />
      <Typography.Text>{label}</Typography.Text>
    </Flex>
  );
}
