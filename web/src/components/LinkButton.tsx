// A button-looking link: one <a> element (no button inside a link), navigates in the app without reload,
// and still opens in a new tab with a middle click.
import { Button, type ButtonProps } from "antd";
import type { MouseEvent } from "react";
import { useNavigate } from "react-router-dom";

export function LinkButton({
  to,
  target,
  ...props
}: Omit<ButtonProps, "href" | "onClick"> & { to: string; target?: string }) {
  const navigate = useNavigate();
  const onClick = (e: MouseEvent<HTMLElement>) => {
    if (target || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };
  return <Button {...props} href={to} target={target} onClick={onClick} />;
}
