// Shapes of the API's responses as the web application reads them: the server's response schemas
// (src/http/schemas, docs/api.md), imported as types only, so a shape is stated once. Instants are ISO strings.
import type { Action } from "../../src/dossier/commands.ts";
import type { DossierStatus } from "../../src/dossier/status.ts";

export type { Action, DossierStatus };
export type { Channel } from "../../src/dossier/record.ts";
export type { CalendarDay, OfficeHoursView, YearCalendar } from "../../src/http/schemas/calendar.ts";
export type {
  DocumentComponent,
  Fee,
  OnlineLevel,
  Procedure,
  ProcedureFields,
  ProcedureImportReport,
  ProcedureSearch,
  ProcedureVersions,
  TimeLimit,
} from "../../src/http/schemas/catalog.ts";
export type { Page, Ratio } from "../../src/http/schemas/common.ts";
export type {
  Applicant,
  AppointmentPreview,
  Attachment,
  Dossier,
  DossierEvent,
  DossierFile,
  DossierImportSummary,
  DossierStock,
  DossierSummary,
  StoredFile,
} from "../../src/http/schemas/dossiers.ts";
export type { PublicFeedbackItem, PublicFeedbackList, StaffFeedbackItem } from "../../src/http/schemas/feedback.ts";
export type {
  LookupResult,
  PublicApology,
  PublicStatistics,
  PublicStatisticsRow,
  SubmissionAnswer,
} from "../../src/http/schemas/public.ts";
export type {
  ChannelsReport,
  FeedbackReport,
  FeedbackRow,
  Indicator,
  IndicatorDossiers,
  IndicatorsReport,
  LateReport,
  LateRow,
  PeriodSettings,
  ResultsDrillDown,
  ResultsReport,
  ResultsRow,
  SatisfactionReport,
  SatisfactionRow,
} from "../../src/http/schemas/reports.ts";

export type {
  Grant,
  OfficerRatingsReport,
  OfficerRatingsRow,
  OfficerList,
  OfficerScore,
  Role,
  StaffUser,
  StaffUserList,
  Unit,
  UnitImportReport,
  User,
} from "../../src/http/schemas/people.ts";
