// The console's start page: straight to the first screen the user's role works in.
import { Navigate } from "react-router-dom";
import { useAuth } from "../../auth.tsx";

export default function StaffHome() {
  const { hasRole, user } = useAuth();
  if (user?.isSuperuser || hasRole("admin")) {
    if (!user?.grants.some((g) => g.role !== "admin")) return <Navigate to="/can-bo/quan-tri/don-vi" replace />;
  }
  const only = (role: string) => user?.grants.some((g) => g.role === role);
  if (only("front_desk")) return <Navigate to="/can-bo/tiep-nhan" replace />;
  if (only("leader") || only("reform_officer")) return <Navigate to="/can-bo/bao-cao" replace />;
  if (only("officer")) return <Navigate to="/can-bo/hang-doi/cua-toi" replace />;
  return <Navigate to="/can-bo/hang-doi/tat-ca" replace />;
}
