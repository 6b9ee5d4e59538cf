export default function DossierPage() {
  return <p>Đang xây dựng</p>;
}
