export default function UsersAdmin() {
  return <p>Đang xây dựng</p>;
}
