export default function UnitsAdmin() {
  return <p>Đang xây dựng</p>;
}
