import { Button, Flex } from 'antd';
import { useAuth, useCurrentUser } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { OPEN_AGREEMENT_STATUSES } from '../constants';
import { pairingSides } from '../sides';
import type { Pairing } from '../types';

/**
 * What the user may do with a pairing, by permission and side: the side that did not propose
 * accepts or declines; either side ends an active pairing; 起草协议 when it has no open agreement.
 */
export function PairingActions({
  pairing,
  busy,
  size = 'small',
  onAccept,
  onDecline,
  onEnd,
  onDraft,
}: {
  pairing: Pairing;
  busy: boolean;
  size?: 'small' | 'middle';
  onAccept: (pairing: Pairing) => void;
  onDecline: (pairing: Pairing) => void;
  onEnd: (pairing: Pairing) => void;
  onDraft: (pairing: Pairing) => void;
}) {
  const { t } = useI18n();
  const { can } = useAuth();
  const user = useCurrentUser();
  const sides = pairingSides(user, pairing);
  const canDecide = can('pairing.decide');
  // The proposer waits for the other side (a supervisor may decide for either).
  const isProposer = sides.has(pairing.proposedBySide) && !sides.has('supervisor');
  const hasOpenAgreement = pairing.agreementStatus !== null && OPEN_AGREEMENT_STATUSES.includes(pairing.agreementStatus);

  const buttons = [];
  if (pairing.status === 'proposed' && canDecide && !isProposer) {
    buttons.push(
      <Button key="accept" type="primary" size={size} loading={busy} onClick={() => onAccept(pairing)} data-testid={`pairing-accept-${pairing.id}`}>
        {t('pairing.accept')}
      </Button>,
      <Button key="decline" danger size={size} disabled={busy} onClick={() => onDecline(pairing)} data-testid={`pairing-decline-${pairing.id}`}>
        {t('pairing.decline')}
      </Button>,
    );
  }
  if (pairing.status === 'active' && can('agreement.write') && !hasOpenAgreement) {
    buttons.push(
      <Button key="draft" size={size} onClick={() => onDraft(pairing)} data-testid={`pairing-draft-${pairing.id}`}>
        {t('pairing.draftAgreement')}
      </Button>,
    );
  }
  if ((pairing.status === 'active' || (pairing.status === 'proposed' && isProposer)) && canDecide) {
    buttons.push(
      <Button key="end" type="text" danger size={size} disabled={busy} onClick={() => onEnd(pairing)} data-testid={`pairing-end-${pairing.id}`}>
        {t(pairing.status === 'proposed' ? 'pairing.withdraw' : 'pairing.end')}
      </Button>,
    );
  }
  if (buttons.length === 0) return null;
  return (
    <Flex gap={4} wrap>
      {buttons}
    </Flex>
  );
}
