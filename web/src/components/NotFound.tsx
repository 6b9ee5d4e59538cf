import { LinkButton } from "./LinkButton.tsx";
import { Result } from "antd";

export function NotFound() {
  return (
    <main id="noi-dung">
      <Result
        status="404"
        title="Không tìm thấy trang"
        subTitle="Đường dẫn không tồn tại hoặc đã thay đổi."
        extra={
          <LinkButton to="/" type="primary">
            Về trang chủ
          </LinkButton>
        }
      />
    </main>
  );
}
