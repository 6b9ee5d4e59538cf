export default function CatalogueAdmin() {
  return <p>Đang xây dựng</p>;
}
