import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tooltip } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';

/**
 * Staff of the need's community mark a suggestion useful or not (PUT …/feedback); the judgement
 * can be changed and is exported as an evaluation set for the matcher.
 */
export function SuggestionFeedbackButtons({ needId, resourceId, initial }: { needId: string; resourceId: string; initial: boolean | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [useful, setUseful] = useState<boolean | null>(initial);
  const [saving, setSaving] = useState(false);
  const judge = async (value: boolean) => {
    setSaving(true);
    try {
      await api.put(`/lists/needs/${encodeURIComponent(needId)}/suggestions/${encodeURIComponent(resourceId)}/feedback`, { useful: value });
      setUseful(value);
      void message.success(t('lists.suggest.feedbackSaved'));
    } catch {
      void message.error(t('lists.suggest.feedbackFailed'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Flex gap={4} data-testid="suggestion-feedback" data-useful={useful === null ? '' : String(useful)}>
      <Tooltip title={t('lists.suggest.useful')}>
        <Button size="small" type={useful === true ? 'primary' : 'default'} icon={<LikeOutlined />} loading={saving} onClick={() => void judge(true)} aria-label={t('lists.suggest.useful')} data-testid="suggestion-useful" />
      </Tooltip>
      <Tooltip title={t('lists.suggest.notUseful')}>
        <Button size="small" type={useful === false ? 'primary' : 'default'} danger={useful === false} icon={<DislikeOutlined />} loading={saving} onClick={() => void judge(false)} aria-label={t('lists.suggest.notUseful')} data-testid="suggestion-not-useful" />
      </Tooltip>
    </Flex>
  );
}
