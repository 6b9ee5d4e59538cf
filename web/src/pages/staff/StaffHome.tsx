export default function StaffHome() {
  return <p>Đang xây dựng</p>;
}
