import { Button, Result } from "antd";
import { Link } from "react-router-dom";

export function NotFound() {
  return (
    <main id="noi-dung">
      <Result
        status="404"
        title="Không tìm thấy trang"
        subTitle="Đường dẫn không tồn tại hoặc đã thay đổi."
        extra={
          <Link to="/">
            <Button type="primary">Về trang chủ</Button>
          </Link>
        }
      />
    </main>
  );
}
