// Wrong passwords at a console on a shared PostgreSQL: three cost nothing, then
// each makes the next attempt wait, 5 s doubling up to 5 minutes.
#include "auth/signinthrottle.h"
#include "support/mockclock.h"

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

struct Row
{
    int failures;
    int waitSecs; // right after the last failure
};

const Row Rows[] = {
    { 1, 0 },  { 2, 0 },  { 3, 0 },   { 4, 5 },    { 5, 10 },   { 6, 20 },
    { 7, 40 }, { 8, 80 }, { 9, 160 }, { 10, 300 }, { 11, 300 }, { 40, 300 },
};

TEST(SignInThrottle, TheWaitAfterEachFailureFollowsTheTable)
{
    for (const Row &row : Rows) {
        MockClock clock;
        SignInThrottle throttle(clock);
        for (int i = 0; i < row.failures; ++i)
            throttle.failed();
        EXPECT_EQ(throttle.failures(), row.failures);
        EXPECT_EQ(throttle.waitSecs(), row.waitSecs) << row.failures << " failures";
    }
}

TEST(SignInThrottle, TheWaitRunsOutWithTheClockAndASuccessStartsAgain)
{
    MockClock clock;
    SignInThrottle throttle(clock);
    for (int i = 0; i < 5; ++i)
        throttle.failed();
    EXPECT_EQ(throttle.waitSecs(), 10);
    clock.advanceSecs(4);
    EXPECT_EQ(throttle.waitSecs(), 6);
    clock.advanceSecs(6);
    EXPECT_EQ(throttle.waitSecs(), 0);
    throttle.failed(); // the sixth in a row: longer
    EXPECT_EQ(throttle.waitSecs(), 20);
    throttle.succeeded();
    EXPECT_EQ(throttle.failures(), 0);
    EXPECT_EQ(throttle.waitSecs(), 0);
    throttle.failed();
    EXPECT_EQ(throttle.waitSecs(), 0) << "the count started again";
}

} // namespace
