import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { CLAIM_STATUS_COLORS, NEED_STATUS_COLORS, PROJECT_STATUS_COLORS, RESOURCE_STATUS_COLORS } from '../constants';
import type { ClaimStatus, NeedStatus, ProjectStatus, ResourceStatus } from '../types';

type Props =
  | { of: 'need'; status: NeedStatus }
  | { of: 'resource'; status: ResourceStatus }
  | { of: 'project'; status: ProjectStatus }
  | { of: 'claim'; status: ClaimStatus };

/** The state of a need, resource, project or claim, in words and colour (data-status for tests). */
export function StatusTag(props: Props) {
  const { t } = useI18n();
  let color: string;
  let label: string;
  switch (props.of) {
    case 'need':
      color = NEED_STATUS_COLORS[props.status];
      label = t(`lists.needStatus.${props.status}`);
      break;
    case 'resource':
      color = RESOURCE_STATUS_COLORS[props.status];
      label = t(`lists.resourceStatus.${props.status}`);
      break;
    case 'project':
      color = PROJECT_STATUS_COLORS[props.status];
      label = t(`lists.projectStatus.${props.status}`);
      break;
    case 'claim':
      color = CLAIM_STATUS_COLORS[props.status];
      label = t(`lists.claimStatus.${props.status}`);
      break;
  }
  return (
    <Tag color={color} data-status={props.status} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}
