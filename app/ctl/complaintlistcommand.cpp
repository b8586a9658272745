#include "ctl/complaintlistcommand.h"

#include "domain/jalali.h"
#include "serialize/complaintjson.h"
#include "serialize/csvwriter.h"
#include "storage/complaintrepository.h"
#include "storage/slarepository.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

namespace {

// The listing as JSON, each complaint with its clocks. The clocks need the
// history, which the listing does not print: it is loaded for all rows at once
// (not one complaint at a time), the SLA configuration once.
Result<void> printJsonRows(Context &ctx, Database &db, QList<Complaint> rows)
{
    auto sla = SlaRepository(db).load();
    if (!sla)
        return sla.error();
    QList<qint64> ids;
    ids.reserve(rows.size());
    for (const Complaint &c : std::as_const(rows))
        ids.append(c.id);
    auto histories = ComplaintRepository(db).histories(ids);
    if (!histories)
        return histories.error();
    const QDateTime now = ctx.clock.nowUtc();
    QJsonArray array;
    for (Complaint &c : rows) {
        c.history = histories->value(c.id);
        array.append(ComplaintJson::toJson(c, false, sla->clocks(c, now)));
    }
    printJson(ctx, QJsonDocument(array));
    return {};
}

void printCsv(Context &ctx, const QList<Complaint> &rows)
{
    ctx.out << Csv::record({ u"tracking_code"_s, u"status"_s, u"received_at"_s, u"due_at"_s,
                             u"channel"_s, u"citizen_name"_s, u"citizen_phone"_s,
                             u"citizen_national_id"_s, u"share_identity"_s, u"province"_s,
                             u"agency"_s, u"category"_s, u"priority"_s, u"description"_s,
                             u"version"_s });
    for (const Complaint &c : rows)
        ctx.out << Csv::record({ c.trackingCode, code(c.status), Jalali::toIsoTehran(c.receivedAt),
                                 Jalali::toIsoTehran(c.dueAt), code(c.channel), c.citizen.name,
                                 c.citizen.phone, c.citizen.nationalId,
                                 c.citizen.shareIdentity ? u"true"_s : u"false"_s, c.provinceCode,
                                 c.agencyCode, c.categoryCode, code(c.priority), c.description,
                                 QString::number(c.version) });
    ctx.out.flush();
}

void printText(Context &ctx, const QList<Complaint> &rows)
{
    for (const Complaint &c : rows)
        ctx.out << c.trackingCode << '\t' << Jalali::toIsoTehran(c.receivedAt) << '\t'
                << code(c.status) << '\t' << c.provinceCode << '\t' << c.agencyCode << '\t'
                << c.categoryCode << '\t' << c.citizen.name << '\n';
    ctx.out.flush();
}

} // namespace

ComplaintListCommand::ComplaintListCommand()
    : DatabaseCommand(u"complaint list"_s,
                      u"Complaints, newest first: tab-separated text, JSON (with the SLA\n"
                      "clocks) or CSV (RFC 4180)."_s)
{
    addOption(QCommandLineOption(u"status"_s, u"only this status: "_s + statusCodes(), u"S"_s));
    addOption(QCommandLineOption(
        u"search"_s,
        u"a tracking code's first digits, part of a phone number or of a name, in any digit form"_s,
        u"TEXT"_s));
    addOption(QCommandLineOption(u"limit"_s, u"at most N complaints"_s, u"N"_s));
    addOption(QCommandLineOption(u"json"_s, u"as a JSON array"_s));
    addOption(QCommandLineOption(u"csv"_s, u"as CSV with a header line"_s));
}

Result<ListRequest> ComplaintListCommand::readInput(Context &, const QCommandLineParser &args) const
{
    ListRequest request;
    if (args.isSet(u"json"_s) && args.isSet(u"csv"_s))
        return Error::invalid(u"--json"_s, u"choose --json or --csv, not both"_s);
    request.format = args.isSet(u"json"_s) ? ListRequest::Format::Json
        : args.isSet(u"csv"_s)             ? ListRequest::Format::Csv
                                           : ListRequest::Format::Text;
    if (args.isSet(u"status"_s)) {
        request.query.status = statusFromCode(args.value(u"status"_s).trimmed());
        if (!request.query.status)
            return Error::invalid(u"--status"_s, u"expected one of: "_s + statusCodes());
    }
    request.query.search = args.value(u"search"_s);
    auto limit = positiveNumber(args, u"limit"_s, -1, 100'000'000);
    if (!limit)
        return limit.error();
    request.query.limit = int(limit.value());
    return request;
}

Result<void> ComplaintListCommand::runWith(Context &ctx, Database &db,
                                           const ListRequest &request) const
{
    auto rows = ComplaintRepository(db).list(request.query);
    if (!rows)
        return rows.error();
    switch (request.format) {
    case ListRequest::Format::Json:
        return printJsonRows(ctx, db, std::move(rows).value());
    case ListRequest::Format::Csv:
        printCsv(ctx, rows.value());
        break;
    case ListRequest::Format::Text:
        printText(ctx, rows.value());
        break;
    }
    return {};
}

} // namespace fouad::ctl
