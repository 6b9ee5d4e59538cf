// Every API route, in one list: mounted by the app and described by the OpenAPI document.
import type { AnyRoute } from "../route.ts";
import * as auth from "./auth.ts";
import * as calendar from "./calendar.ts";
import * as catalog from "./catalog.ts";
import * as health from "./health.ts";
import * as units from "./units.ts";
import * as users from "./users.ts";

export const routes: AnyRoute[] = [
  health.health,
  auth.login,
  auth.logout,
  auth.me,
  auth.changePassword,
  units.listUnits,
  units.exportUnitTree,
  units.importUnitTree,
  units.getUnit,
  calendar.getCalendarYear,
  calendar.putCalendarOverrides,
  calendar.putOfficeHours,
  catalog.searchCatalog,
  catalog.listCatalogFields,
  catalog.exportCatalog,
  catalog.importCatalog,
  catalog.getProcedure,
  catalog.listVersions,
  catalog.createVersion,
  catalog.createOverride,
  users.listUsers,
  users.addUser,
];
