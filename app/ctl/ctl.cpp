#include "ctl/ctl.h"

#include "auth/passwordhasher.h"
#include "core/clock.h"
#include "domain/intakevalidator.h"
#include "domain/jalali.h"
#include "domain/persiantext.h"
#include "domain/trackingcode.h"
#include "seed/demoseeder.h"
#include "serialize/complaintjson.h"
#include "serialize/csvwriter.h"
#include "services/intakeservice.h"
#include "services/slaservice.h"
#include "services/workflowservice.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/referencerepository.h"
#include "storage/slarepository.h"
#include "storage/userrepository.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

namespace {

constexpr int ExitOk = 0;
constexpr int ExitUsage = 2;

const char Usage[] = R"(Usage: fouadctl [--db URL] COMMAND ...
  URL: sqlite:PATH | postgresql://user[:pass]@host[:port]/db  (or env FOUAD_DB;
       default: the console's own SQLite file)

Commands:
  --version
  init-db                                  create or migrate the schema, load reference data
  province list [--json]
  agency list [--json]
  user add NAME --role operator|inspector|supervisor|admin [--full-name TEXT]
                                           password: first line of standard input
  seed-demo --count N [--seed S] [--days D]
  complaint add --json FILE|- [--as USER]
  complaint show CODE [--json]
  complaint list [--status S] [--search TEXT] [--limit N] [--json|--csv]
  complaint ACTION CODE --as USER [--note T] [--to USER] [--inspector USER]
        [--action-taken T] [--result confirmed|not_fixed|unreachable] [--satisfaction 1-5]
        [--outcome founded|partly_founded|unfounded|outside_jurisdiction] [--reason T]
        [--into CODE] [--expect-version N]
        ACTION: refer acknowledge assign inspect wait resume resolve verify close
                reopen reject merge escalate
  stats [--from JALALI --to JALALI] --json
  sla sweep [--now ISO-8601] [--json]     apply due escalations; prints what it did

Exit codes: 0 done, 1 runtime failure, 2 invalid input or usage, 3 not found,
4 conflict, 5 not permitted for this role.
)";

// What every command gets: the streams, the clock and the database URL.
struct Context
{
    QTextStream &in;
    QTextStream &out;
    QTextStream &err;
    QString dbUrl;
    const Clock &clock = Clock::system();
};

int fail(Context &ctx, const Error &error)
{
    ctx.err << "fouadctl: ";
    if (!error.field.isEmpty())
        ctx.err << error.field << ": ";
    ctx.err << error.message << Qt::endl;
    return int(error.kind);
}

int usage(Context &ctx, const QString &message)
{
    return fail(ctx, Error::invalid({}, message + u"\n(see fouadctl --help)"_s));
}

void printJson(Context &ctx, const QJsonDocument &doc)
{
    ctx.out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    ctx.out.flush();
}

// Parses a command's own options; positional arguments as given.
struct Parsed
{
    std::unique_ptr<QCommandLineParser> parser;
    QStringList positional;
    bool ok = false;
};

Parsed parseOptions(Context &ctx, const QStringList &args, const QList<QCommandLineOption> &options,
                    int positionalCount, const QString &synopsis)
{
    Parsed p;
    p.parser = std::make_unique<QCommandLineParser>();
    p.parser->setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.parser->addOptions(options);
    if (!p.parser->parse(QStringList { u"fouadctl"_s } + args)) {
        usage(ctx, p.parser->errorText() + u"; usage: "_s + synopsis);
        return p;
    }
    p.positional = p.parser->positionalArguments();
    if (p.positional.size() != positionalCount) {
        usage(ctx, u"usage: "_s + synopsis);
        return p;
    }
    p.ok = true;
    return p;
}

Result<std::shared_ptr<Database>> openDatabase(Context &ctx)
{
    QString text = ctx.dbUrl;
    if (text.isEmpty())
        text = qEnvironmentVariable("FOUAD_DB");
    DatabaseUrl url = DatabaseUrl::defaultUrl();
    if (!text.isEmpty()) {
        auto parsed = DatabaseUrl::parse(text);
        if (!parsed)
            return parsed.error();
        url = parsed.value();
    }
    return Database::open(url);
}

Result<ReferenceCatalog> loadCatalog(Database &db)
{
    return ReferenceRepository(db).load();
}

// A complaint as JSON with its SLA clocks as of now (add, show, actions).
int printWithClocks(Context &ctx, Database &db, const Complaint &complaint)
{
    auto sla = SlaRepository(db).load();
    if (!sla)
        return fail(ctx, sla.error());
    printJson(ctx,
              QJsonDocument(ComplaintJson::toJson(complaint, true,
                                                  sla->clocks(complaint, ctx.clock.nowUtc()))));
    return ExitOk;
}

// ---- init-db, reference lists -------------------------------------------------

int initDb(Context &ctx, const QStringList &args)
{
    auto p = parseOptions(ctx, args, {}, 0, u"fouadctl init-db"_s);
    if (!p.ok)
        return ExitUsage;
    auto db = openDatabase(ctx);
    if (!db)
        return fail(ctx, db.error());
    if (auto loaded = Migrations::loadReferenceData(*db.value(), ReferenceCatalog::builtIn());
        !loaded)
        return fail(ctx, loaded.error());
    auto catalog = loadCatalog(*db.value());
    if (!catalog)
        return fail(ctx, catalog.error());
    ctx.out << "database ready: " << db.value()->url().displayName() << ", schema version "
            << db.value()->schemaVersion() << ", " << catalog->provinces().size() << " provinces, "
            << catalog->agencies().size() << " agencies, " << catalog->categories().size()
            << " categories" << Qt::endl;
    return ExitOk;
}

template<typename T>
int listReference(Context &ctx, const QStringList &args, const QString &what,
                  const QList<T> &(ReferenceCatalog::*items)() const)
{
    const QCommandLineOption json(u"json"_s);
    auto p = parseOptions(ctx, args, { json }, 0, u"fouadctl %1 list [--json]"_s.arg(what));
    if (!p.ok)
        return ExitUsage;
    auto db = openDatabase(ctx);
    if (!db)
        return fail(ctx, db.error());
    auto catalog = loadCatalog(*db.value());
    if (!catalog)
        return fail(ctx, catalog.error());
    if (p.parser->isSet(json)) {
        QJsonArray array;
        for (const T &item : (catalog.value().*items)())
            array.append(QJsonObject { { u"code"_s, item.code },
                                       { u"name"_s, item.name },
                                       { u"name_en"_s, item.nameEn } });
        printJson(ctx, QJsonDocument(array));
    } else {
        for (const T &item : (catalog.value().*items)())
            ctx.out << item.code << '\t' << item.name << '\t' << item.nameEn << '\n';
        ctx.out.flush();
    }
    return ExitOk;
}

// ---- users --------------------------------------------------------------------

int userAdd(Context &ctx, const QStringList &args)
{
    const QCommandLineOption role(u"role"_s, {}, u"ROLE"_s);
    const QCommandLineOption fullName(u"full-name"_s, {}, u"TEXT"_s);
    const QString synopsis = u"fouadctl user add NAME --role ROLE [--full-name TEXT]"_s;
    auto p = parseOptions(ctx, args, { role, fullName }, 1, synopsis);
    if (!p.ok)
        return ExitUsage;
    const auto parsedRole = roleFromCode(p.parser->value(role));
    if (!parsedRole)
        return fail(ctx, Error::invalid(u"--role"_s, u"expected one of: "_s + roleCodes()));
    const QString password = ctx.in.readLine();
    if (password.size() < PasswordHasher::MinimumPasswordLength)
        return fail(
            ctx,
            Error::invalid(u"password"_s,
                           u"at least %1 characters, given on the first line "
                           "of standard input"_s.arg(PasswordHasher::MinimumPasswordLength)));
    auto db = openDatabase(ctx);
    if (!db)
        return fail(ctx, db.error());
    UserRepository users(*db.value());
    auto added = users.add(p.positional.at(0), p.parser->value(fullName), *parsedRole,
                           PasswordHasher().hash(password), ctx.clock.nowUtc());
    if (!added)
        return fail(ctx, added.error());
    ctx.out << "user " << added->name << " added as " << code(added->role) << Qt::endl;
    return ExitOk;
}

// ---- seed-demo ----------------------------------------------------------------

Result<qint64> positiveNumber(const QCommandLineParser &parser, const QCommandLineOption &option,
                              qint64 fallback, qint64 max)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const qint64 n = PersianText::toLatinDigits(parser.value(option)).toLongLong(&ok);
    if (!ok || n < 1 || n > max)
        return Error::invalid(u"--"_s + option.names().constFirst(),
                              u"expected a whole number from 1 to %1"_s.arg(max));
    return n;
}

int seedDemo(Context &ctx, const QStringList &args)
{
    const QCommandLineOption count(u"count"_s, {}, u"N"_s);
    const QCommandLineOption seed(u"seed"_s, {}, u"S"_s);
    const QCommandLineOption days(u"days"_s, {}, u"D"_s);
    auto p = parseOptions(ctx, args, { count, seed, days }, 0,
                          u"fouadctl seed-demo --count N [--seed S] [--days D]"_s);
    if (!p.ok)
        return ExitUsage;
    if (!p.parser->isSet(count))
        return fail(ctx, Error::invalid(u"--count"_s, u"required"_s));
    DemoSeeder::Options options;
    auto n = positiveNumber(*p.parser, count, 0, 100'000'000);
    auto s = positiveNumber(*p.parser, seed, 128, 0xFFFFFFFFLL);
    auto d = positiveNumber(*p.parser, days, 30, 3650);
    for (const auto *r : { &n, &s, &d }) {
        if (!r->ok())
            return fail(ctx, r->error());
    }
    options.count = n.value();
    options.seed = quint32(s.value());
    options.days = int(d.value());

    auto db = openDatabase(ctx);
    if (!db)
        return fail(ctx, db.error());
    auto catalog = loadCatalog(*db.value());
    if (!catalog)
        return fail(ctx, catalog.error());
    QElapsedTimer timer;
    timer.start();
    DemoSeeder seeder(*db.value(), catalog.value(), ctx.clock);
    auto written = seeder.run(options);
    if (!written)
        return fail(ctx, written.error());
    ctx.out << "seeded " << written.value() << " complaints over " << options.days << " days in "
            << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s" << Qt::endl;
    return ExitOk;
}

// ---- complaints ---------------------------------------------------------------

// Reads one text member; absent and null are "not given", anything but a string is an error.
std::optional<Error> readText(const QJsonObject &object, const QString &key, const QString &field,
                              QString *out)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString())
        return Error::invalid(field, u"must be a string"_s);
    *out = v.toString();
    return std::nullopt;
}

Result<ComplaintDraft> draftFromJson(const QByteArray &bytes)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::invalid(u"json"_s,
                              u"malformed JSON at offset %1: %2"_s.arg(parseError.offset)
                                  .arg(parseError.errorString()));
    if (!doc.isObject())
        return Error::invalid(u"json"_s, u"expected a JSON object"_s);
    const QJsonObject o = doc.object();

    // Required keys first, named as in the input, in the order of the form.
    const QString required[] = { u"channel"_s,  u"citizen"_s,  u"province"_s,   u"agency"_s,
                                 u"category"_s, u"priority"_s, u"description"_s };
    for (const QString &key : required) {
        if (!o.contains(key) || o.value(key).isNull())
            return Error::invalid(key, u"required"_s);
    }
    if (!o.value(u"citizen").isObject())
        return Error::invalid(u"citizen"_s,
                              u"must be an object with name, phone, national_id, share_identity"_s);
    const QJsonObject citizen = o.value(u"citizen").toObject();
    for (const QString &key : { u"name"_s, u"phone"_s }) {
        if (!citizen.contains(key) || citizen.value(key).isNull())
            return Error::invalid(u"citizen."_s + key, u"required"_s);
    }

    ComplaintDraft d;
    const std::tuple<const QJsonObject *, QString, QString, QString *> texts[] = {
        { &o, u"channel"_s, u"channel"_s, &d.channel },
        { &citizen, u"name"_s, u"citizen.name"_s, &d.citizenName },
        { &citizen, u"phone"_s, u"citizen.phone"_s, &d.phone },
        { &citizen, u"national_id"_s, u"citizen.national_id"_s, &d.nationalId },
        { &o, u"province"_s, u"province"_s, &d.province },
        { &o, u"agency"_s, u"agency"_s, &d.agency },
        { &o, u"category"_s, u"category"_s, &d.category },
        { &o, u"priority"_s, u"priority"_s, &d.priority },
        { &o, u"description"_s, u"description"_s, &d.description },
    };
    for (const auto &[object, key, field, target] : texts) {
        if (auto error = readText(*object, key, field, target))
            return *error;
    }
    const QJsonValue share = citizen.value(u"share_identity");
    if (!share.isUndefined() && !share.isNull()) {
        if (!share.isBool())
            return Error::invalid(u"citizen.share_identity"_s, u"must be true or false"_s);
        d.shareIdentity = share.toBool();
    }
    QString receivedAt;
    if (auto error = readText(o, u"received_at"_s, u"received_at"_s, &receivedAt))
        return *error;
    if (!receivedAt.isEmpty()) {
        const auto parsed = Jalali::parseIsoWithOffset(receivedAt);
        if (!parsed)
            return Error::invalid(u"received_at"_s,
                                  u"expected ISO 8601 with an offset, "
                                  "such as 2026-11-22T11:00:00+03:30"_s);
        d.receivedAt = *parsed;
    }
    return d;
}

int complaintAdd(Context &ctx, const QStringList &args)
{
    const QCommandLineOption json(u"json"_s, {}, u"FILE"_s);
    const QCommandLineOption as(u"as"_s, {}, u"USER"_s);
    auto p = parseOptions(ctx, args, { json, as }, 0,
                          u"fouadctl complaint add --json FILE|- [--as USER]"_s);
    if (!p.ok)
        return ExitUsage;
    if (!p.parser->isSet(json))
        return fail(ctx,
                    Error::invalid(u"--json"_s, u"required: a file, or - for standard input"_s));

    QByteArray bytes;
    const QString source = p.parser->value(json);
    if (source == u"-") {
        bytes = ctx.in.readAll().toUtf8();
    } else {
        QFile file(source);
        if (!file.open(QIODevice::ReadOnly))
            return fail(ctx,
                        Error::invalid(u"--json"_s,
                                       u"cannot read %1: %2"_s.arg(source, file.errorString())));
        bytes = file.readAll();
    }
    auto draft = draftFromJson(bytes);
    if (!draft)
        return fail(ctx, draft.error());

    auto db = openDatabase(ctx);
    if (!db)
        return fail(ctx, db.error());
    auto catalog = loadCatalog(*db.value());
    if (!catalog)
        return fail(ctx, catalog.error());
    IntakeService intake(*db.value(), catalog.value(), ctx.clock);
    auto registered = intake.registerComplaint(draft.value(), p.parser->value(as));
    if (!registered)
        return fail(ctx, registered.error());
    // Never refused as a duplicate; the integration is only told.
    if (auto recent = intake.recentFromSamePhone(registered->citizen.phone, registered->agencyCode);
        recent.ok() && recent.value() > 1)
        ctx.err << "fouadctl: warning: " << recent.value() - 1
                << " other complaint(s) from this phone about this agency in the last 24 hours"
                << Qt::endl;
    return printWithClocks(ctx, *db.value(), registered.value());
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

int complaintShow(Context &ctx, const QStringList &args)
{
    const QCommandLineOption json(u"json"_s);
    auto p = parseOptions(ctx, args, { json }, 1, u"fouadctl complaint show CODE [--json]"_s);
    if (!p.ok)
        return ExitUsage;
    const auto codeText = TrackingCode::normalized(p.positional.at(0));
    if (!codeText)
        return fail(ctx,
                    Error::invalid(u"CODE"_s,
                                   u"invalid code \"%1\": the check digit does not match "
                                   "(mistyped?)"_s.arg(p.positional.at(0))));
    auto db = openDatabase(ctx);
    if (!db)
        return fail(ctx, db.error());
    ComplaintRepository complaints(*db.value());
    auto complaint = complaints.findByCode(*codeText);
    if (!complaint)
        return fail(ctx, complaint.error());
    if (p.parser->isSet(json))
        return printWithClocks(ctx, *db.value(), complaint.value());
    auto catalog = loadCatalog(*db.value());
    if (!catalog)
        return fail(ctx, catalog.error());
    printComplaint(ctx, complaint.value(), catalog.value());
    return ExitOk;
}

int complaintList(Context &ctx, const QStringList &args)
{
    const QCommandLineOption status(u"status"_s, {}, u"S"_s);
    const QCommandLineOption search(u"search"_s, {}, u"TEXT"_s);
    const QCommandLineOption limit(u"limit"_s, {}, u"N"_s);
    const QCommandLineOption json(u"json"_s);
    const QCommandLineOption csv(u"csv"_s);
    auto p = parseOptions(
        ctx, args, { status, search, limit, json, csv }, 0,
        u"fouadctl complaint list [--status S] [--search TEXT] [--limit N] [--json|--csv]"_s);
    if (!p.ok)
        return ExitUsage;
    if (p.parser->isSet(json) && p.parser->isSet(csv))
        return fail(ctx, Error::invalid(u"--json"_s, u"choose --json or --csv, not both"_s));
    ComplaintQuery query;
    if (p.parser->isSet(status)) {
        query.status = statusFromCode(p.parser->value(status).trimmed());
        if (!query.status)
            return fail(ctx, Error::invalid(u"--status"_s, u"expected one of: "_s + statusCodes()));
    }
    query.search = p.parser->value(search);
    auto n = positiveNumber(*p.parser, limit, -1, 100'000'000);
    if (!n)
        return fail(ctx, n.error());
    query.limit = int(n.value());

    auto db = openDatabase(ctx);
    if (!db)
        return fail(ctx, db.error());
    auto rows = ComplaintRepository(*db.value()).list(query);
    if (!rows)
        return fail(ctx, rows.error());

    if (p.parser->isSet(json)) {
        auto sla = SlaRepository(*db.value()).load();
        if (!sla)
            return fail(ctx, sla.error());
        ComplaintRepository complaints(*db.value());
        const QDateTime now = ctx.clock.nowUtc();
        QJsonArray array;
        for (const Complaint &c : rows.value()) {
            // The clocks need the history; the listing itself shows none.
            auto full = complaints.findByCode(c.trackingCode, true);
            if (!full)
                return fail(ctx, full.error());
            array.append(ComplaintJson::toJson(c, false, sla->clocks(full.value(), now)));
        }
        printJson(ctx, QJsonDocument(array));
    } else if (p.parser->isSet(csv)) {
        ctx.out << Csv::record({ u"tracking_code"_s, u"status"_s, u"received_at"_s, u"due_at"_s,
                                 u"channel"_s, u"citizen_name"_s, u"citizen_phone"_s,
                                 u"citizen_national_id"_s, u"share_identity"_s, u"province"_s,
                                 u"agency"_s, u"category"_s, u"priority"_s, u"description"_s,
                                 u"version"_s });
        for (const Complaint &c : rows.value())
            ctx.out << Csv::record(
                { c.trackingCode, code(c.status), Jalali::toIsoTehran(c.receivedAt),
                  Jalali::toIsoTehran(c.dueAt), code(c.channel), c.citizen.name, c.citizen.phone,
                  c.citizen.nationalId, c.citizen.shareIdentity ? u"true"_s : u"false"_s,
                  c.provinceCode, c.agencyCode, c.categoryCode, code(c.priority), c.description,
                  QString::number(c.version) });
        ctx.out.flush();
    } else {
        for (const Complaint &c : rows.value())
            ctx.out << c.trackingCode << '\t' << Jalali::toIsoTehran(c.receivedAt) << '\t'
                    << code(c.status) << '\t' << c.provinceCode << '\t' << c.agencyCode << '\t'
                    << c.categoryCode << '\t' << c.citizen.name << '\n';
        ctx.out.flush();
    }
    return ExitOk;
}

int complaintAction(Context &ctx, Action action, const QStringList &args)
{
    const QCommandLineOption as(u"as"_s, {}, u"USER"_s);
    const QCommandLineOption note(u"note"_s, {}, u"TEXT"_s);
    const QCommandLineOption to(u"to"_s, {}, u"USER"_s);
    const QCommandLineOption inspector(u"inspector"_s, {}, u"USER"_s);
    const QCommandLineOption actionTaken(u"action-taken"_s, {}, u"TEXT"_s);
    const QCommandLineOption result(u"result"_s, {}, u"RESULT"_s);
    const QCommandLineOption satisfaction(u"satisfaction"_s, {}, u"N"_s);
    const QCommandLineOption outcome(u"outcome"_s, {}, u"OUTCOME"_s);
    const QCommandLineOption reason(u"reason"_s, {}, u"TEXT"_s);
    const QCommandLineOption into(u"into"_s, {}, u"CODE"_s);
    const QCommandLineOption expectVersion(u"expect-version"_s, {}, u"N"_s);
    const QCommandLineOption json(u"json"_s);
    auto p = parseOptions(ctx, args,
                          { as, note, to, inspector, actionTaken, result, satisfaction, outcome,
                            reason, into, expectVersion, json },
                          1, u"fouadctl complaint %1 CODE --as USER [options]"_s.arg(code(action)));
    if (!p.ok)
        return ExitUsage;
    if (!p.parser->isSet(as))
        return fail(ctx, Error::invalid(u"--as"_s, u"required: the user taking the action"_s));

    ActionRequest request;
    request.action = action;
    request.code = p.positional.at(0);
    request.actor = p.parser->value(as);
    request.note = p.parser->value(note);
    request.to = p.parser->value(to);
    request.inspector = p.parser->value(inspector);
    request.actionTaken = p.parser->value(actionTaken);
    request.result = p.parser->value(result);
    request.satisfaction = p.parser->value(satisfaction);
    request.outcome = p.parser->value(outcome);
    request.reason = p.parser->value(reason);
    request.into = p.parser->value(into);
    if (p.parser->isSet(expectVersion)) {
        bool ok = false;
        const int v = PersianText::toLatinDigits(p.parser->value(expectVersion)).toInt(&ok);
        if (!ok || v < 1)
            return fail(
                ctx,
                Error::invalid(u"--expect-version"_s, u"expected a version number (1 or more)"_s));
        request.expectVersion = v;
    }

    auto db = openDatabase(ctx);
    if (!db)
        return fail(ctx, db.error());
    WorkflowService workflow(*db.value(), ctx.clock);
    auto done = workflow.perform(request);
    if (!done)
        return fail(ctx, done.error());
    return printWithClocks(ctx, *db.value(), done.value());
}

// ---- sla ----------------------------------------------------------------------

int slaSweep(Context &ctx, const QStringList &args)
{
    const QCommandLineOption nowOption(u"now"_s, {}, u"ISO-8601"_s);
    const QCommandLineOption json(u"json"_s);
    auto p = parseOptions(ctx, args, { nowOption, json }, 0,
                          u"fouadctl sla sweep [--now ISO-8601] [--json]"_s);
    if (!p.ok)
        return ExitUsage;
    QDateTime now;
    if (p.parser->isSet(nowOption)) {
        const auto parsed = Jalali::parseIsoWithOffset(p.parser->value(nowOption));
        if (!parsed)
            return fail(ctx,
                        Error::invalid(u"--now"_s,
                                       u"expected ISO 8601 with an offset, such as "
                                       "2026-11-22T11:00:00+03:30"_s));
        now = *parsed;
    }
    auto db = openDatabase(ctx);
    if (!db)
        return fail(ctx, db.error());
    SlaService sla(*db.value(), ctx.clock);
    auto done = sla.sweep(now);
    if (!done)
        return fail(ctx, done.error());
    auto reminded = sla.remind(now);
    if (!reminded)
        return fail(ctx, reminded.error());
    if (p.parser->isSet(json)) {
        QJsonArray array;
        for (const auto &e : done.value())
            array.append(
                QJsonObject { { u"tracking_code"_s, e.trackingCode }, { u"level"_s, e.level } });
        printJson(ctx, QJsonDocument(array));
    } else {
        QSet<QString> complaints;
        for (const auto &e : done.value()) {
            ctx.out << e.trackingCode << " level " << e.level << '\n';
            complaints.insert(e.trackingCode);
        }
        ctx.out << done->size() << " escalation(s) on " << complaints.size() << " complaint(s), "
                << reminded->size() << " reminder(s)" << Qt::endl;
    }
    return ExitOk;
}

// ---- stats --------------------------------------------------------------------

int stats(Context &ctx, const QStringList &args)
{
    const QCommandLineOption from(u"from"_s, {}, u"JALALI"_s);
    const QCommandLineOption to(u"to"_s, {}, u"JALALI"_s);
    const QCommandLineOption json(u"json"_s);
    auto p = parseOptions(ctx, args, { from, to, json }, 0,
                          u"fouadctl stats [--from JALALI --to JALALI] --json"_s);
    if (!p.ok)
        return ExitUsage;
    // A Jalali day runs from midnight to midnight in Tehran; --to includes its day.
    std::optional<QDateTime> fromUtc, toUtc;
    for (const auto &[option, target, nextDay] :
         { std::tuple { &from, &fromUtc, false }, std::tuple { &to, &toUtc, true } }) {
        if (!p.parser->isSet(*option))
            continue;
        const auto date = Jalali::parseDate(p.parser->value(*option));
        if (!date)
            return fail(ctx,
                        Error::invalid(u"--"_s + option->names().constFirst(),
                                       u"expected a Jalali date such as 1405/09/01"_s));
        *target =
            QDateTime(nextDay ? date->addDays(1) : *date, QTime(0, 0), Jalali::tehran()).toUTC();
    }
    if (fromUtc && toUtc && *fromUtc >= *toUtc)
        return fail(ctx, Error::invalid(u"--to"_s, u"must not be before --from"_s));

    auto db = openDatabase(ctx);
    if (!db)
        return fail(ctx, db.error());
    auto catalog = loadCatalog(*db.value());
    if (!catalog)
        return fail(ctx, catalog.error());
    QStringList statuses, categories;
    for (Status s : allStatuses())
        statuses << code(s);
    for (const Category &c : catalog->categories())
        categories << c.code;
    auto result = ComplaintRepository(*db.value()).stats(fromUtc, toUtc, statuses, categories);
    if (!result)
        return fail(ctx, result.error());

    QJsonObject byStatus, byCategory;
    for (const auto &[key, n] : result->byStatus)
        byStatus[key] = n;
    for (const auto &[key, n] : result->byCategory)
        byCategory[key] = n;
    QJsonObject o { { u"total"_s, result->total },
                    { u"by_status"_s, byStatus },
                    { u"by_category"_s, byCategory } };
    o[u"from"] = fromUtc ? QJsonValue(Jalali::toIsoTehran(*fromUtc)) : QJsonValue(QJsonValue::Null);
    o[u"to"] = toUtc ? QJsonValue(Jalali::toIsoTehran(*toUtc)) : QJsonValue(QJsonValue::Null);
    if (p.parser->isSet(json)) {
        printJson(ctx, QJsonDocument(o));
    } else {
        ctx.out << "total\t" << result->total << '\n';
        for (const auto &[key, n] : result->byStatus)
            ctx.out << "status\t" << key << '\t' << n << '\n';
        for (const auto &[key, n] : result->byCategory)
            ctx.out << "category\t" << key << '\t' << n << '\n';
        ctx.out.flush();
    }
    return ExitOk;
}

} // namespace

int run(const QStringList &arguments, QTextStream &in, QTextStream &out, QTextStream &err)
{
    Context ctx { in, out, err, {} };
    QStringList args = arguments.mid(1);

    // Global options come before the command.
    while (!args.isEmpty() && args.constFirst().startsWith(u"--")) {
        const QString option = args.takeFirst();
        if (option == u"--version") {
            out << "fouadctl " << FOUAD_VERSION << Qt::endl;
            return ExitOk;
        }
        if (option == u"--help" || option == u"-h") {
            out << Usage;
            out.flush();
            return ExitOk;
        }
        if (option == u"--db") {
            if (args.isEmpty())
                return usage(ctx, u"--db needs a URL"_s);
            ctx.dbUrl = args.takeFirst();
        } else if (option.startsWith(u"--db=")) {
            ctx.dbUrl = option.mid(5);
        } else {
            return usage(ctx, u"unknown option %1"_s.arg(option));
        }
    }
    if (args.isEmpty())
        return usage(ctx, u"no command given"_s);

    const QString command = args.takeFirst();
    auto sub = [&](const QString &expected) {
        if (args.isEmpty() || args.constFirst() != expected)
            return false;
        args.removeFirst();
        return true;
    };
    if (command == u"init-db")
        return initDb(ctx, args);
    if (command == u"province" && sub(u"list"_s))
        return listReference(ctx, args, command, &ReferenceCatalog::provinces);
    if (command == u"agency" && sub(u"list"_s))
        return listReference(ctx, args, command, &ReferenceCatalog::agencies);
    if (command == u"user" && sub(u"add"_s))
        return userAdd(ctx, args);
    if (command == u"seed-demo")
        return seedDemo(ctx, args);
    if (command == u"complaint") {
        if (sub(u"add"_s))
            return complaintAdd(ctx, args);
        if (sub(u"show"_s))
            return complaintShow(ctx, args);
        if (sub(u"list"_s))
            return complaintList(ctx, args);
        if (!args.isEmpty()) {
            if (const auto action = actionFromCode(args.constFirst())) {
                args.removeFirst();
                return complaintAction(ctx, *action, args);
            }
        }
        return usage(ctx,
                     u"complaint: expected add, show, list or an action (%1)"_s.arg(actionCodes()));
    }
    if (command == u"stats")
        return stats(ctx, args);
    if (command == u"sla" && sub(u"sweep"_s))
        return slaSweep(ctx, args);
    return usage(ctx, u"unknown command \"%1\""_s.arg(command));
}

} // namespace fouad::ctl
