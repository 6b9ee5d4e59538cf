// Every API route, in one list: mounted by the app and described by the OpenAPI document.
import type { AnyRoute } from "../route.ts";
import * as auth from "./auth.ts";
import * as calendar from "./calendar.ts";
import * as catalog from "./catalog.ts";
import * as documentAppendices from "./documents-appendices.ts";
import * as documents from "./documents.ts";
import * as dossiers from "./dossiers.ts";
import * as dossierActions from "./dossiers-actions.ts";
import * as dossierFiles from "./dossiers-files.ts";
import * as dossierRatings from "./dossiers-ratings.ts";
import * as dossierStock from "./dossiers-stock.ts";
import * as feedback from "./feedback.ts";
import * as filesDownload from "./files-download.ts";
import * as health from "./health.ts";
import * as interchange from "./interchange.ts";
import * as officers from "./officers.ts";
import * as publicDossiers from "./public.ts";
import * as reformIndex from "./reform-index.ts";
import * as reformIndexExport from "./reform-index-export.ts";
import * as reformIndexSetup from "./reform-index-setup.ts";
import * as reformRecords from "./reform-records.ts";
import * as reformInterchange from "./reform-records-interchange.ts";
import * as reformRegisters from "./reform-records-registers.ts";
import * as reformReport from "./reform-report.ts";
import * as reformReportRegister from "./reform-report-register.ts";
import * as reportsOther from "./reports-other.ts";
import * as reportsIndicatorDossiers from "./reports-indicator-dossiers.ts";
import * as reportsPeriods from "./reports-periods.ts";
import * as reports from "./reports.ts";
import * as session from "./session.ts";
import * as units from "./units.ts";
import * as users from "./users.ts";

export const routes: AnyRoute[] = [
  health.health,
  auth.login,
  auth.logout,
  auth.me,
  session.getSession,
  auth.changePassword,
  units.listUnits,
  units.exportUnitTree,
  units.importUnitTree,
  units.getUnit,
  officers.listUnitOfficers,
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
  reports.getResultsReport,
  reports.getResultsDossiers,
  reports.postManualResults,
  reportsOther.getChannelsReport,
  reportsOther.getLateReport,
  reportsOther.getIndicatorsReport,
  reportsIndicatorDossiers.getIndicatorDossiers,
  reportsOther.getSatisfactionReport,
  reportsOther.getFeedbackReport,
  reportsPeriods.getPeriodSettings,
  reportsPeriods.putPeriodSettings,
  dossiers.createDossier,
  dossiers.previewDossierAppointment,
  dossiers.listDossierQueue,
  dossierStock.getDossierStock,
  dossiers.getDossierDetail,
  dossiers.getControlSheet,
  interchange.importDossiers,
  interchange.exportDossiers,
  documents.getDossierDocument,
  documents.getUnitLedger,
  documents.getOfficeNames,
  documents.putOfficeName,
  documentAppendices.getResultsAppendix,
  documentAppendices.getChannelsAppendix,
  documentAppendices.getLateAppendix,
  documentAppendices.getSatisfactionAppendix,
  dossierActions.dossierAction,
  dossierFiles.uploadFile,
  filesDownload.downloadFile,
  publicDossiers.submitOnline,
  publicDossiers.lookupDossier,
  publicDossiers.sendSupplement,
  publicDossiers.rateService,
  publicDossiers.statistics,
  publicDossiers.apologies,
  dossierRatings.listOfficerRatings,
  feedback.sendFeedback,
  feedback.publishedFeedback,
  feedback.unitFeedback,
  feedback.answerFeedbackItem,
  reformRecords.listReformPlans,
  reformRecords.createReformPlan,
  reformRecords.getReformPlan,
  reformRecords.updateReformPlan,
  reformRecords.deleteReformPlan,
  reformRecords.createReformTask,
  reformRecords.overdueReformTasks,
  reformRecords.updateReformTask,
  reformRecords.deleteReformTask,
  reformRecords.reformHistory,
  reformRegisters.listReformRecords,
  reformRegisters.createReformRecord,
  reformRegisters.getReformRecord,
  reformRegisters.updateReformRecord,
  reformRegisters.deleteReformRecord,
  reformRegisters.getReformRecordFigures,
  reformRegisters.getReformAppendices,
  reformRegisters.getReformEvidenceGaps,
  reformInterchange.importReformRecords,
  reformInterchange.exportReformRecords,
  reformReport.getReformSheet,
  reformReport.putReformSheetManual,
  reformReport.deleteReformSheetManual,
  reformReport.getReformReportDraft,
  reformReport.previewReformReport,
  reformReportRegister.listReformReports,
  reformReportRegister.issueReformReport,
  reformReportRegister.getReformReportFile,
  reformReportRegister.submitReformReport,
  reformReportRegister.returnReformReport,
  reformReportRegister.getReformRegister,
  reformReportRegister.getReformRollUp,
  reformIndex.getReformIndexScorecard,
  reformIndex.getReformIndexRanking,
  reformIndex.putReformIndexAssessment,
  reformIndexSetup.listReformIndexSets,
  reformIndexSetup.getReformIndexSetTemplate,
  reformIndexSetup.getReformIndexSet,
  reformIndexSetup.createReformIndexSet,
  reformIndexSetup.getReformIndexYear,
  reformIndexSetup.putReformIndexYear,
  reformIndexSetup.listReformIndexSurveys,
  reformIndexSetup.putReformIndexSurveys,
  reformIndexSetup.getReformIndexTrend,
  reformIndexSetup.createReformIndexFixPlan,
  reformIndexExport.getReformIndexCard,
  reformIndexExport.getReformIndexCardFile,
  reformIndexExport.getReformIndexStandings,
  reformIndexExport.getReformIndexEvidence,
];
