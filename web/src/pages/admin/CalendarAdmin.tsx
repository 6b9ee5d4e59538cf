export default function CalendarAdmin() {
  return <p>Đang xây dựng</p>;
}
