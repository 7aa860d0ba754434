import { Upload } from 'antd';
import type { ReactNode } from 'react';

/**
 * A button that picks one file and hands it over at once: no list of picked files is kept and the picker never
 * sends it with AntD's own request (ours carries the CSRF header and reads the error); `onPick` does the sending.
 */
export function PickFile({
  accept,
  onPick,
  children,
}: {
  accept?: string;
  onPick: (file: File) => void;
  children: ReactNode;
}) {
  return (
    <Upload
      accept={accept}
      maxCount={1}
      showUploadList={false}
      beforeUpload={(f) => {
        onPick(f);
        return false;
      }}
    >
      {children}
    </Upload>
  );
}
