#include "ctl/complaintoutput.h"

#include "ctl/command.h"
#include "domain/jalali.h"
#include "domain/referencedata.h"
#include "serialize/complaintjson.h"
#include "storage/slarepository.h"

using namespace Qt::StringLiterals;

namespace fouad::ctl {

Result<void> printWithClocks(Context &ctx, Database &db, const Complaint &complaint)
{
    auto sla = SlaRepository(db).load();
    if (!sla)
        return sla.error();
    printJson(ctx,
              QJsonDocument(ComplaintJson::toJson(complaint, true,
                                                  sla->clocks(complaint, ctx.clock.nowUtc()))));
    return {};
}

void printComplaint(Context &ctx, const Complaint &c, const ReferenceCatalog &catalog)
{
    auto name = [](const auto *item, const QString &code) {
        return item ? item->name : code;
    };
    const QLocale c_ = QLocale::c();
    ctx.out << "Tracking code: " << c.trackingCode << '\n'
            << "Status:        " << code(c.status) << '\n'
            << "Received:      " << Jalali::toIsoTehran(c.receivedAt) << " ("
            << Jalali::formatDateTime(c.receivedAt, c_) << " Jalali)\n"
            << "Due:           " << Jalali::toIsoTehran(c.dueAt) << '\n'
            << "Channel:       " << code(c.channel) << '\n'
            << "Citizen:       " << c.citizen.name << ", " << c.citizen.phone
            << (c.citizen.nationalId.isEmpty() ? QString()
                                               : u", national ID "_s + c.citizen.nationalId)
            << (c.citizen.shareIdentity ? ", identity may be shared" : ", identity confidential")
            << '\n'
            << "Province:      " << name(catalog.province(c.provinceCode), c.provinceCode) << '\n'
            << "Agency:        " << name(catalog.agency(c.agencyCode), c.agencyCode) << '\n'
            << "Category:      " << name(catalog.category(c.categoryCode), c.categoryCode) << '\n'
            << "Priority:      " << code(c.priority) << '\n'
            << "Version:       " << c.version << '\n'
            << "Description:\n  " << QString(c.description).replace(u"\n"_s, u"\n  "_s) << '\n'
            << "History:\n";
    for (const HistoryEvent &e : c.history)
        ctx.out << "  " << Jalali::toIsoTehran(e.at) << "  " << e.type << "  by " << e.actor
                << (e.toStatus.isEmpty() ? QString() : u"  -> "_s + e.toStatus) << '\n';
    ctx.out.flush();
}

} // namespace fouad::ctl
