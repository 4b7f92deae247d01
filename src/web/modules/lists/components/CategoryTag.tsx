import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { CATEGORY_COLORS } from '../constants';
import type { NeedCategory } from '../types';

/** A need's or resource's category (环境整治, 养老服务…) in its colour. */
export function CategoryTag({ category }: { category: NeedCategory }) {
  const { t } = useI18n();
  return <Tag color={CATEGORY_COLORS[category]}>{t(`lists.category.${category}`)}</Tag>;
}
