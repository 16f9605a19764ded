// A module's settings section: declared keys with defaults, checked types and ranges, unknown keys refused.
#include "platform/module_settings.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace sotong::platform {
namespace {
const std::vector<SettingSpec> kSpecs = {
    {"reply_days", SettingType::integer, "14", "회신 기한(근무일)", 1, 60},
    {"channel_name", SettingType::text, "수시", "기본 경로"},
    {"notify_submitter", SettingType::boolean, "true", "제출자에게 알림"},
};
}  // namespace

TEST(ModuleSettings, AbsentKeysTakeTheirDefaultsAndWrittenOnesTheirValue) {
  auto s = SettingsSection::read("suggestions", kSpecs, {{"reply_days", "20"}});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->integer("reply_days"), 20);
  EXPECT_EQ(s->text("channel_name"), "수시");
  EXPECT_TRUE(s->boolean("notify_submitter"));
}

TEST(ModuleSettings, UnknownKeysWrongTypesAndOutOfRangeValuesAreRefusedInKorean) {
  auto unknown = SettingsSection::read("suggestions", kSpecs, {{"reply_dayz", "20"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("[suggestions]"), std::string::npos);
  EXPECT_NE(unknown.error().message.find("reply_dayz"), std::string::npos);
  EXPECT_FALSE(SettingsSection::read("suggestions", kSpecs, {{"reply_days", "열넷"}}).ok());
  EXPECT_FALSE(SettingsSection::read("suggestions", kSpecs, {{"reply_days", "61"}}).ok());
  EXPECT_FALSE(SettingsSection::read("suggestions", kSpecs, {{"reply_days", "0"}}).ok());
  EXPECT_FALSE(SettingsSection::read("suggestions", kSpecs, {{"notify_submitter", "yes"}}).ok());
}

TEST(ModuleSettings, ReadingAKeyTheManifestDidNotDeclareIsAProgrammingError) {
  auto s = SettingsSection::read("suggestions", kSpecs, {});
  ASSERT_TRUE(s.ok());
  EXPECT_THROW((void)s->integer("channel_name"), std::logic_error);  // declared as text
  EXPECT_THROW((void)s->text("nothing"), std::logic_error);
  EXPECT_THROW((void)SettingsSection::read("x", {{"n", SettingType::integer, "ten", ""}}, {}),
               std::logic_error);
}

TEST(ResultChain, AndThenRunsTheNextStepOnlyOnAValue) {
  auto twice = [](int v) -> Result<int> { return v * 2; };
  Result<int> seven = 7;
  EXPECT_EQ(*seven.and_then(twice), 14);
  Result<int> missing = Error::not_found("없음");
  auto chained = missing.and_then(twice);
  ASSERT_FALSE(chained.ok());
  EXPECT_EQ(chained.error().message, "없음");
}

}  // namespace sotong::platform
