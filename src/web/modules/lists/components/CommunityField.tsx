import { Select } from 'antd';
import { useAuth, useCurrentUser } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { RegionSelect } from '../../../ui/RegionSelect';
import { ownCommunities } from '../scopes';

/**
 * Picks the community a need or project belongs to: community staff choose among their own
 * communities; street staff and supervisors pick any community in the region tree.
 */
export function CommunityField({
  value,
  onChange,
  valueLabel,
  disabled,
  'data-testid': dataTestId,
}: {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  valueLabel?: string | null;
  disabled?: boolean;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  const { can } = useAuth();
  const user = useCurrentUser();
  const own = ownCommunities(user);
  if (own.length > 0 || !can('directory.region.read')) {
    return (
      <Select<string>
        value={value ?? undefined}
        onChange={(v) => onChange?.(v)}
        disabled={disabled}
        options={own.map((c) => ({ value: c.id, label: c.name }))}
        placeholder={t('lists.pickCommunity')}
        data-testid={dataTestId}
      />
    );
  }
  return (
    <RegionSelect
      value={value}
      onChange={(id) => onChange?.(id)}
      kinds={['community']}
      deepest="community"
      allowClear={false}
      disabled={disabled}
      valueLabel={valueLabel}
      placeholder={t('lists.pickCommunity')}
      data-testid={dataTestId}
    />
  );
}
