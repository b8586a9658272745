#pragma once

#include "domain/complaintdraft.h"

namespace fouad::test {

// A complaint as an operator would type it: valid in every field.
inline ComplaintDraft sampleDraft()
{
    ComplaintDraft d;
    d.channel = QStringLiteral("line128");
    d.citizenName = QStringLiteral("زهرا احمدی");
    d.phone = QStringLiteral("09121234567");
    d.province = QStringLiteral("tehran");
    d.agency = QStringLiteral("tax");
    d.category = QStringLiteral("delay");
    d.priority = QStringLiteral("normal");
    d.description = QStringLiteral(
        "پرونده‌ام دو ماه است بدون دلیل معطل مانده است.");
    return d;
}

} // namespace fouad::test
