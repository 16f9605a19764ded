// Field audits, their consultation and findings through the services on a real database: the audit office
// plans, the audited 시·군 gives its opinion and agrees, another 시·군 never sees it, a close plan is refused
// until confirmed, and a finding is followed up until done.
#include "modules/audit/field_audit_service.hpp"

#include <gtest/gtest.h>

#include "modules/audit/audit_module.hpp"
#include "modules/audit/finding_reminder_job.hpp"
#include "modules/audit/finding_service.hpp"
#include "modules/audit/finding_store.hpp"
#include "platform/notifications/notifications.hpp"
#include "platform/testing/test_database.hpp"

namespace sotong::audit {
namespace {

class FieldAuditService : public ::testing::Test {
 protected:
  platform::testing::TestDatabase test{{manifest()}};
  const Actor auditor = test.actor("auditor");
  const Actor jeonju = test.actor("jeonju");
  const Actor gunsan = test.actor("gunsan");

  AuditPlanInput plan(const std::string& start, const std::string& end) {
    return {std::to_string(test.organization("52110")),
            "전주시 종합감사",
            "general",
            "주요 사업 점검",
            "예산, 계약",
            "field",
            "",
            start,
            end,
            "감사팀",
            "",
            false};
  }

  std::int64_t agreed_audit() {
    auto id = plan_field_audit(test.service(auditor), plan("2026-03-02", "2026-03-06"));
    EXPECT_TRUE(id) << id.error().message;
    EXPECT_TRUE(agree_field_audit(test.service(jeonju), *id));
    return *id;
  }

  FindingInput finding() {
    return {"보조금 정산 누락", "subsidy",    "정산하지 않았습니다.", "1,000,000",
            "정산하십시오.",    "correction", "2026-06-30",           ""};
  }
};

TEST_F(FieldAuditService, ThePlanIsConsultedThenAgreedByTheAuditedMunicipality) {
  auto id = plan_field_audit(test.service(auditor), plan("2026-03-02", "2026-03-06"));
  ASSERT_TRUE(id) << id.error().message;
  ASSERT_TRUE(give_audit_opinion(test.service(jeonju), *id, {"schedule", "한 주 미뤄 주십시오."}));
  auto revised = plan("2026-03-09", "2026-03-13");
  revised.note = "의견을 반영해 한 주 미뤘습니다.";
  ASSERT_TRUE(revise_field_audit(test.service(auditor), *id, revised));
  ASSERT_TRUE(agree_field_audit(test.service(jeonju), *id));
  auto detail = get_field_audit(test.service(jeonju), *id);
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->audit.state, AuditState::agreed);
  EXPECT_EQ(format_date(detail->audit.plan.start), "2026-03-09");
  ASSERT_EQ(detail->entries.size(), 4u);
  EXPECT_EQ(detail->entries[1].kind, PlanEventKind::opinion);
  EXPECT_EQ(detail->entries[1].account_name, jeonju.display_name);
  EXPECT_EQ(detail->entries[2].body, "의견을 반영해 한 주 미뤘습니다.");
}

TEST_F(FieldAuditService, AnotherMunicipalityNeitherSeesNorAnswersIt) {
  auto id = plan_field_audit(test.service(auditor), plan("2026-03-02", "2026-03-06"));
  ASSERT_TRUE(id);
  EXPECT_EQ(get_field_audit(test.service(gunsan), *id).error().code, ErrorCode::not_found);
  EXPECT_EQ(agree_field_audit(test.service(gunsan), *id).error().code, ErrorCode::not_found);
  EXPECT_EQ(give_audit_opinion(test.service(gunsan), *id, {"general", "의견"}).error().code,
            ErrorCode::not_found);
  auto list = list_field_audits(test.service(gunsan), {}, 25);
  ASSERT_TRUE(list);
  EXPECT_TRUE(list->items.empty());
}

TEST_F(FieldAuditService, APlanWithin30DaysOfAnotherIsSavedOnlyOnceConfirmed) {
  ASSERT_TRUE(plan_field_audit(test.service(auditor), plan("2026-03-02", "2026-03-06")));
  auto close = plan("2026-03-20", "2026-03-24");
  auto refused = plan_field_audit(test.service(auditor), close);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "confirm_conflict");
  EXPECT_NE(refused.error().fields[0].message.find("간격이 14일입니다"), std::string::npos);
  close.confirm_conflict = true;
  auto saved = plan_field_audit(test.service(auditor), close);
  ASSERT_TRUE(saved);
  auto detail = get_field_audit(test.service(auditor), *saved);
  ASSERT_EQ(detail->warnings.size(), 1u);
  auto calendar = audit_calendar(test.service(jeonju), 2026);
  ASSERT_TRUE(calendar);
  EXPECT_EQ(calendar->conflicts.size(), 1u);
  EXPECT_TRUE(plan_field_audit(test.service(auditor), plan("2026-04-23", "2026-04-24")))
      << "30 days after 24 March: no warning";
}

TEST_F(FieldAuditService, OnlyTheAuditOfficePlans) {
  EXPECT_EQ(plan_field_audit(test.service(jeonju), plan("2026-03-02", "2026-03-06")).error().code,
            ErrorCode::forbidden);
}

TEST_F(FieldAuditService, AFindingIsFollowedUpUntilDone) {
  const auto audit = agreed_audit();
  auto id = create_finding(test.service(auditor), audit, finding());
  ASSERT_TRUE(id) << id.error().message;
  auto gunsan_count = [&] {
    return test.db().read(
        [&](store::Connection& c) { return count_findings(c, test.policy(), gunsan, FindingView::all); });
  };
  EXPECT_EQ(gunsan_count(), 0);
  EXPECT_EQ(get_finding(test.service(gunsan), *id).error().code, ErrorCode::not_found);
  EXPECT_EQ(report_finding_action(test.service(gunsan), *id, "했습니다").error().code, ErrorCode::not_found);
  EXPECT_EQ(confirm_finding_action(test.service(auditor), *id).error().code, ErrorCode::conflict)
      << "nothing reported yet";
  ASSERT_TRUE(report_finding_action(test.service(jeonju), *id, "정산했습니다."));
  ASSERT_TRUE(return_finding_action(test.service(auditor), *id, "증빙을 붙여 주십시오."));
  ASSERT_TRUE(report_finding_action(test.service(jeonju), *id, "증빙을 붙였습니다."));
  ASSERT_TRUE(confirm_finding_action(test.service(auditor), *id));
  auto detail = get_finding(test.service(jeonju), *id);
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->finding.state, FindingState::done);
  EXPECT_EQ(detail->follow_ups.size(), 4u);
  auto figures = field_figures(test.service(jeonju), 2026);
  ASSERT_TRUE(figures);
  ASSERT_EQ(figures->rows.size(), 1u);
  EXPECT_EQ(figures->rows[0].findings, 1);
  EXPECT_EQ(figures->rows[0].amount, 1'000'000);
  EXPECT_EQ(figures->rows[0].done, 1);
  auto other = field_figures(test.service(gunsan), 2026);
  ASSERT_TRUE(other);
  EXPECT_TRUE(other->rows.empty()) << "a 시·군 sees only its own row";
}

TEST_F(FieldAuditService, NoFindingBeforeTheAuditIsAgreed) {
  auto id = plan_field_audit(test.service(auditor), plan("2026-03-02", "2026-03-06"));
  ASSERT_TRUE(id);
  EXPECT_EQ(create_finding(test.service(auditor), *id, finding()).error().code, ErrorCode::conflict);
  const auto audit = *id;
  ASSERT_TRUE(agree_field_audit(test.service(jeonju), audit));
  EXPECT_EQ(create_finding(test.service(jeonju), audit, finding()).error().code, ErrorCode::forbidden);
}

TEST_F(FieldAuditService, TheAuditedOrganisationIsRemindedOnceBeforeAndOnceAfterTheDueDate) {
  auto id = create_finding(test.service(auditor), agreed_audit(), finding());  // due 2026-06-30, a Tuesday
  ASSERT_TRUE(id) << id.error().message;
  auto remind = [&](CivilDate today) {
    return test.db().write([&](store::Connection& c) { return send_finding_reminders(c, today); });
  };
  auto inbox = [&](const Actor& a) {
    return test.db().read(
        [&](store::Connection& c) { return platform::notifications::inbox(c, a.account_id).size(); });
  };
  const auto before = inbox(jeonju);
  EXPECT_EQ(remind({2026, 6, 22}), 0) << "six working days ahead: not yet";
  EXPECT_EQ(remind({2026, 6, 23}), 1) << "five working days ahead";
  EXPECT_EQ(remind({2026, 6, 24}), 0) << "once per due date";
  EXPECT_EQ(inbox(jeonju), before + 1);
  EXPECT_EQ(inbox(gunsan), 0U) << "another 시·군 hears nothing of it";
  EXPECT_EQ(remind({2026, 7, 1}), 1) << "overdue";
  EXPECT_EQ(remind({2026, 7, 2}), 0);
  // Reported: the next step is the audit office's, so the organisation is not reminded any more.
  ASSERT_TRUE(report_finding_action(test.service(jeonju), *id, "정산했습니다."));
  ASSERT_TRUE(return_finding_action(test.service(auditor), *id, "증빙을 붙여 주십시오."));
  ASSERT_TRUE(report_finding_action(test.service(jeonju), *id, "증빙을 붙였습니다."));
  EXPECT_EQ(test.db().read([&](store::Connection& c) {
    return finding_store::awaiting_report_due_by(c, {2026, 12, 31}).size();
  }),
            0U);
}

}  // namespace
}  // namespace sotong::audit
