import { DeleteOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Flex, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import type { TeamMember, VolunteerTeamDetail } from '../types';
import { MemberSelect } from '../../../ui/MemberSelect';

/**
 * Edits who is in a team and who leads it: add members found by name or pinyin initials, remove
 * them, tick the leaders; saved as a whole (PUT /volunteer-teams/:id/members).
 */
export function TeamMembersModal({
  team,
  onClose,
  onSaved,
}: {
  team: VolunteerTeamDetail | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [rows, setRows] = useState<TeamMember[] | null>(null);
  const [saving, setSaving] = useState(false);
  const current = rows ?? team?.members ?? [];

  const close = () => {
    setRows(null);
    onClose();
  };

  const save = async () => {
    if (!team) return;
    setSaving(true);
    try {
      await api.put(`/volunteer-teams/${encodeURIComponent(team.id)}/members`, {
        members: current.map((m) => ({ memberId: m.memberId, isLeader: m.isLeader })),
      });
      feedback.ok(t('common.saved'));
      setRows(null);
      onSaved();
    } catch (error) {
      feedback.fail(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={team !== null}
      title={team ? t('team.editMembersTitle', { name: team.name }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void save()}
      onCancel={close}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'team-members-save' }}
      destroyOnHidden
    >
      <Flex vertical gap="small">
        <MemberSelect
          exclude={current.map((m) => m.memberId)}
          onPick={(m) =>
            // The new member goes on top, where it is seen.
            setRows([{ memberId: m.id, name: m.name, phoneMasked: m.phoneMasked, isLeader: false }, ...current])
          }
          placeholder={t('team.addMember')}
          data-testid="team-member-picker"
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('team.memberCount', { n: current.length })}
        </Typography.Text>
        {current.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('team.noMembers')} />
        ) : (
          <List<TeamMember>
            size="small"
            bordered
            dataSource={current}
            style={{ maxHeight: '50vh', overflow: 'auto' }}
            renderItem={(m) => (
              <List.Item
                actions={[
                  <Checkbox
                    key="leader"
                    checked={m.isLeader}
                    onChange={(e) =>
                      setRows(current.map((r) => (r.memberId === m.memberId ? { ...r, isLeader: e.target.checked } : r)))
                    }
                  >
                    {t('team.leader')}
                  </Checkbox>,
                  <Button
                    key="remove"
                    type="text"
                    danger
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('team.removeMember', { name: m.name })}
                    onClick={() => setRows(current.filter((r) => r.memberId !== m.memberId))}
                  />,
                ]}
              >
                <List.Item.Meta title={m.name} description={m.phoneMasked ?? undefined} />
              </List.Item>
            )}
          />
        )}
      </Flex>
    </Modal>
  );
}
