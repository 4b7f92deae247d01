import { FileOutlined } from '@ant-design/icons';
import { Flex, Image } from 'antd';
import type { Attachment } from '../types';

/** Photos as thumbnails that open large (the original) on a tap; other files as links. */
export function AttachmentThumbs({ attachments, size = 72 }: { attachments: Attachment[]; size?: number }) {
  if (attachments.length === 0) return null;
  const images = attachments.filter((a) => a.thumbnailUrl);
  const others = attachments.filter((a) => !a.thumbnailUrl);
  return (
    <Flex gap={8} wrap data-testid="attachments">
      <Image.PreviewGroup>
        {images.map((a) => (
          <Image
            key={a.id}
            src={a.thumbnailUrl ?? a.url}
            preview={{ src: a.url }}
            alt={a.fileName}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 6 }}
            data-testid="attachment-thumb"
          />
        ))}
      </Image.PreviewGroup>
      {others.map((a) => (
        <a key={a.id} href={a.url} target="_blank" rel="noreferrer" data-testid="attachment-file">
          <FileOutlined /> {a.fileName}
        </a>
      ))}
    </Flex>
  );
}
