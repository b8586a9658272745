#pragma once

#include "core/clock.h"

namespace fouad::test {

// A clock the test sets and moves.
class MockClock final : public Clock
{
public:
    explicit MockClock(QDateTime now = QDateTime(QDate(2026, 11, 22), QTime(7, 30), Qt::UTC))
        : m_now(std::move(now))
    {
    }
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now.toUTC(); }
    void advanceSecs(qint64 secs) { m_now = m_now.addSecs(secs); }

private:
    QDateTime m_now;
};

} // namespace fouad::test
