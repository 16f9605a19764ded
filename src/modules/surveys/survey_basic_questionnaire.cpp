#include "modules/surveys/survey_basic_questionnaire.hpp"

#include <string>

#include "modules/surveys/survey_store.hpp"

namespace sotong::surveys {
namespace {

struct DomainWords {
  Domain domain;
  const char* section;  // the section's heading
  const char* topic;    // what the questions ask about, as it reads in a sentence
};

constexpr DomainWords kWords[] = {
    {Domain::budget, "1. 예산", "예산(도비 지원·예산 협의)"},
    {Domain::personnel, "2. 인사", "인사(인사교류·인력 협의)"},
    {Domain::project, "3. 사업", "사업(공모·국가사업 등 추진)"},
    {Domain::institution, "4. 제도", "제도(조례·지침 운영)"},
    {Domain::information, "5. 정보", "정보(자료·정보 공유)"},
    {Domain::behavior, "6. 행태", "업무 태도와 응대"},
};

struct DimensionWords {
  Dimension dimension;
  const char* before;  // the sentence around the topic
  const char* after;
};

constexpr DimensionWords kSentences[] = {
    {Dimension::communication, "이 실국은 ", "에 관해 시·군과 충분히 자주, 알기 쉽게 소통합니다."},
    {Dimension::cooperation, "이 실국은 ", "에 관한 정책을 정할 때 시·군의 의견을 듣고 함께 협력합니다."},
    {Dimension::issues, "이 실국은 ", " 분야의 시·군 현안사업을 잘 파악하고 해결에 힘씁니다."},
    {Dimension::suggestions, "이 실국은 ", " 분야의 시·군 건의사항을 성실하고 빠르게 처리합니다."},
    {Dimension::satisfaction, "전반적으로 이 실국의 ", " 분야 소통·협력에 만족합니다."},
    {Dimension::change, "작년과 비교해 이 실국의 ", " 분야 소통·협력이 좋아졌습니다."},
};

}  // namespace

Questionnaire basic_questionnaire(int year) {
  Questionnaire q;
  q.title = kBasicTitle;
  q.year = year;
  q.version = 1;
  q.description =
      "시·군 공무원이 올해 함께 일한 도 실국을 평가합니다. 문항마다 1(전혀 그렇지 않다)~5(매우 그렇다) 중 "
      "하나를 고르고, 판단하기 어려우면 「모름」을 고릅니다.";
  int position = 0;
  for (const auto& d : kWords) {
    for (const auto& s : kSentences) {
      Question question;
      question.position = ++position;
      question.section = d.section;
      question.kind = QuestionKind::scale;
      question.text = std::string(s.before) + d.topic + s.after;
      question.domain = d.domain;
      question.dimension = s.dimension;
      q.questions.push_back(std::move(question));
    }
  }
  for (const char* text : {"이 실국과 일하며 좋았던 점을 적어 주십시오.",
                           "이 실국의 소통·협력에서 고쳐야 할 점을 적어 주십시오."}) {
    Question open;
    open.position = ++position;
    open.section = "7. 의견";
    open.kind = QuestionKind::text;
    open.text = text;
    q.questions.push_back(std::move(open));
  }
  return q;
}

void seed_basic_questionnaire(store::Connection& c) {
  if (survey_store::latest_version(c, kBasicTitle) > 0) return;
  survey_store::insert_questionnaire(c, basic_questionnaire(kBasicYear), std::nullopt, now());
}

}  // namespace sotong::surveys
