import { Segmented } from "antd";
import { useLang } from "../i18n.tsx";

export function LangToggle() {
  const { lang, setLang } = useLang();
  return (
    <Segmented
      size="small"
      aria-label="Ngôn ngữ / Language"
      value={lang}
      onChange={(v) => setLang(v as "vi" | "en")}
      options={[
        { label: "VI", value: "vi", title: "Tiếng Việt" },
        { label: "EN", value: "en", title: "English" },
      ]}
    />
  );
}
