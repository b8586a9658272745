#include "seed/demoseeder.h"

#include "domain/nationalid.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/officerepository.h"
#include "storage/slarepository.h"
#include "storage/userrepository.h"

#include <QScopeGuard>
#include <QSqlQuery>

#include <algorithm>
#include <array>
#include <future>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

constexpr std::array FirstNames = {
    u"محمد",   u"علی",   u"حسین",    u"رضا",    u"مهدی",  u"امیر",  u"حمید", u"سعید",
    u"مجید",   u"جواد",  u"فاطمه",   u"زهرا",   u"مریم",  u"سمانه", u"نرگس", u"لیلا",
    u"معصومه", u"الهام", u"سارا",    u"نازنین", u"اکبر",  u"یوسف",  u"کاظم", u"مصطفی",
    u"پریسا",  u"شیما",  u"ابراهیم", u"طاهره",  u"بهروز", u"منیژه",
};

constexpr std::array LastNames = {
    u"محمدی", u"حسینی",  u"احمدی", u"رضایی",  u"موسوی", u"کریمی",  u"جعفری",  u"قاسمی",
    u"صادقی", u"رحیمی",  u"هاشمی", u"نوری",   u"کاظمی", u"اکبری",  u"مرادی",  u"عباسی",
    u"زارعی", u"یزدانی", u"شریفی", u"سلطانی", u"طاهری", u"فرهادی", u"بهرامی", u"ملکی",
    u"نجفی",  u"قربانی", u"حیدری", u"امینی",  u"کیانی", u"عزیزی",
};

// Operators whose names appear in demo histories.
constexpr std::array DemoOperators = { u"op.ahmadi", u"op.karimi", u"op.rahimi", u"op.sadeghi" };
constexpr char16_t DemoSupervisor[] = u"sup.hosseini";

// Landline area codes of the larger provinces.
constexpr std::array AreaCodes = { u"21", u"31", u"41", u"51", u"71",
                                   u"26", u"28", u"24", u"11", u"13" };

// What citizens name as the service or desk.
constexpr std::array ServiceDesks = {
    u"باجه شماره ۱",      u"باجه شماره ۲", u"باجه شماره ۳",  u"باجه شماره ۴",
    u"واحد پذیرش",        u"امور مشتریان", u"دبیرخانه",      u"واحد بایگانی",
    u"میز خدمت",          u"واحد مالی",    u"صدور گواهی",    u"واحد فناوری اطلاعات",
    u"نوبت‌دهی", u"واحد حقوقی",   u"پیشخوان خدمات",
};

// How an agency's office is called, %1 the city; others: "نمایندگی <agency> در <city>".
QString officeName(const Agency &agency, const City &city)
{
    static const QHash<QString, QString> patterns = {
        { u"social_security"_s, u"شعبه تأمین اجتماعی %1"_s },
        { u"tax"_s, u"اداره امور مالیاتی %1"_s },
        { u"civil_registration"_s, u"اداره ثبت احوال %1"_s },
        { u"deeds_registration"_s, u"اداره ثبت اسناد و املاک %1"_s },
        { u"post"_s, u"اداره پست %1"_s },
        { u"customs"_s, u"گمرک %1"_s },
        { u"health_insurance"_s, u"اداره بیمه سلامت %1"_s },
        { u"welfare"_s, u"اداره بهزیستی %1"_s },
        { u"education"_s, u"اداره آموزش و پرورش %1"_s },
        { u"health"_s, u"شبکه بهداشت و درمان %1"_s },
        { u"labour"_s, u"اداره تعاون، کار و رفاه اجتماعی %1"_s },
        { u"roads_urban"_s, u"اداره راه و شهرسازی %1"_s },
        { u"tavanir"_s, u"اداره برق %1"_s },
        { u"water_wastewater"_s, u"اداره آب و فاضلاب %1"_s },
        { u"gas"_s, u"اداره گاز %1"_s },
        { u"telecom"_s, u"اداره مخابرات %1"_s },
        { u"agriculture"_s, u"مدیریت جهاد کشاورزی %1"_s },
        { u"industry_trade"_s, u"اداره صنعت، معدن و تجارت %1"_s },
        { u"justice"_s, u"دادگستری %1"_s },
        { u"bank_melli"_s, u"شعبه مرکزی بانک ملی %1"_s },
        { u"bank_sepah"_s, u"شعبه مرکزی بانک سپه %1"_s },
        { u"bank_keshavarzi"_s, u"شعبه مرکزی بانک کشاورزی %1"_s },
    };
    const auto it = patterns.constFind(agency.code);
    if (it != patterns.cend())
        return it->arg(city.name);
    return u"نمایندگی %1 در %2"_s.arg(agency.name, city.name);
}

// A fixed hash of the seed and the complaint's index (splitmix64): where a
// complaint happened is drawn from it, not from the generator, so the rest of
// a seed's data stays what it was before complaints had a place.
quint64 placeHash(quint64 seed, qint64 index)
{
    quint64 z = seed * 0x9E3779B97F4A7C15ull + quint64(index) + 0x632BE59BD9B4E019ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Persian prose, laid out by hand.
// clang-format off
// What citizens say, by category; %1 is the agency's name.
const char16_t *describe(const QString &category, int variant)
{
    static const QHash<QString, std::array<const char16_t *, 2>> texts = {
        { u"absent_employee"_s,
          { u"کارمند باجه از ساعت ۸ در محل کار حاضر نیست و کسی پاسخگو نیست.",
            u"برای پیگیری پرونده مراجعه کردم ولی مسئول مربوط سر کار نبود." } },
        { u"no_substitute"_s,
          { u"مسئول واحد به مرخصی رفته و جانشینی برای امضای مدارک تعیین نشده است.",
            u"کارشناس پرونده در مأموریت است و هیچ‌کس کار را "
            u"انجام "
            u"نمی‌دهد." } },
        { u"system_down"_s,
          { u"از صبح سامانه قطع است و هیچ خدمتی ارائه "
            u"نمی‌شود.",
            u"می‌گویند سیستم قطع است و باید فردا دوباره "
            u"مراجعه "
            u"کنم." } },
        { u"ivr_down"_s,
          { u"تلفن گویا پاسخ نمی‌دهد و پس از چند بوق قطع "
            u"می‌شود.",
            u"چند روز است با شماره تلفن گویا تماس می‌گیرم و "
            u"کسی "
            u"جواب "
            u"نمی‌دهد." } },
        { u"website_down"_s,
          { u"وبگاه خدمات الکترونیکی باز نمی‌شود و امکان "
            u"ثبت "
            u"درخواست "
            u"نیست.",
            u"درگاه اینترنتی در مرحله پرداخت خطا می‌دهد." } },
        { u"unclear_requirements"_s,
          { u"هر کارمند مدارک متفاوتی می‌خواهد و فهرست مدارک در جایی "
            u"اعلام "
            u"نشده "
            u"است.",
            u"سه بار مراجعه کرده‌ام و هر بار مدرک جدیدی "
            u"خواسته‌اند." } },
        { u"unclear_decision"_s,
          { u"درخواستم رد شده ولی دلیل آن را اعلام نمی‌کنند.",
            u"نتیجه بررسی پرونده را کتبی نمی‌دهند و فقط "
            u"شفاهی "
            u"می‌گویند "
            u"نمی‌شود." } },
        { u"disrespect"_s,
          { u"کارمند باجه با لحن توهین‌آمیز با "
            u"مراجعه‌کنندگان "
            u"برخورد "
            u"می‌کند.",
            u"مسئول پذیرش به جای پاسخ، مراجعه‌کننده را از "
            u"اتاق "
            u"بیرون "
            u"کرد." } },
        { u"late_start_early_finish"_s,
          { u"ساعت ۱۳ باجه‌ها را بسته‌اند در حالی که ساعت کاری "
            u"تا "
            u"۱۴ "
            u"است.",
            u"کارکنان ساعت ۸ و نیم هنوز سر کار نیامده‌اند." } },
        { u"delay"_s,
          { u"پرونده‌ام دو ماه است بدون دلیل معطل مانده است.",
            u"کاری که باید یک‌روزه انجام شود، یک هفته است که "
            u"انجام "
            u"نشده "
            u"است." } },
        { u"other"_s,
          { u"صف طولانی است و نوبت‌دهی منظمی وجود ندارد.",
            u"برای دریافت خدمت از من وجه اضافه "
            u"خواسته‌اند." } },
    };
    const auto it = texts.constFind(category);
    return it == texts.cend() ? u"شکایت از نحوه ارائه خدمت." : it->at(variant % 2);
}
// clang-format on

template<typename Array> QString pick(QRandomGenerator &rng, const Array &items)
{
    return QStringView(items[rng.bounded(int(items.size()))]).toString();
}

QString digits(QRandomGenerator &rng, int n)
{
    QString out;
    out.reserve(n);
    for (int i = 0; i < n; ++i)
        out.append(QChar(u'0' + rng.bounded(10)));
    return out;
}

QString nationalId(QRandomGenerator &rng)
{
    QString first;
    do {
        first = digits(rng, 9);
    } while (first.count(first.at(0)) == 9);
    return first + QChar(u'0' + NationalId::checkDigit(first));
}

// The lifecycle steps that lead to a status along the common path.
struct Step
{
    const char16_t *action;
    Status to;
};

QList<Step> pathTo(Status target)
{
    const Step refer { u"refer", Status::Referred };
    const Step acknowledge { u"acknowledge", Status::InProgress };
    const Step resolve { u"resolve", Status::ResolvedByAgency };
    switch (target) {
    case Status::Registered:
        return {};
    case Status::Referred:
        return { refer };
    case Status::InProgress:
        return { refer, acknowledge };
    case Status::WaitingForCitizen:
        return { refer, acknowledge, { u"wait", Status::WaitingForCitizen } };
    case Status::FieldInspection:
        return { refer, acknowledge, { u"inspect", Status::FieldInspection } };
    case Status::ResolvedByAgency:
        return { refer, acknowledge, resolve };
    case Status::Verified:
        return { refer, acknowledge, resolve, { u"verify", Status::Verified } };
    case Status::Closed:
        return { refer,
                 acknowledge,
                 resolve,
                 { u"verify", Status::Verified },
                 { u"close", Status::Closed } };
    }
    Q_UNREACHABLE();
}

// A complaint closed once and reopened when the citizen called back: in
// progress again, or (`target` Closed) resolved, verified and closed again.
QList<Step> reopenedPathTo(Status target)
{
    QList<Step> steps = pathTo(Status::Closed);
    steps.append({ u"reopen", Status::InProgress });
    if (target == Status::Closed) {
        steps.append({ u"resolve", Status::ResolvedByAgency });
        steps.append({ u"verify", Status::Verified });
        steps.append({ u"close", Status::Closed });
    }
    return steps;
}

// The status a complaint had at `at`, from its history (oldest first).
QString statusAt(const QList<HistoryEvent> &history, const QDateTime &at)
{
    QString status = code(Status::Registered);
    for (const HistoryEvent &e : history) {
        if (e.at > at)
            break;
        if (!e.toStatus.isEmpty())
            status = e.toStatus;
    }
    return status;
}

// Younger complaints are further from closed.
Status statusForAge(QRandomGenerator &rng, qint64 ageSecs)
{
    const int r = rng.bounded(100);
    if (ageSecs < 3600)
        return r < 50 ? Status::Registered : r < 90 ? Status::Referred : Status::InProgress;
    if (ageSecs < 3 * 3600)
        return r < 30 ? Status::Referred
            : r < 80  ? Status::InProgress
            : r < 90  ? Status::WaitingForCitizen
                      : Status::ResolvedByAgency;
    if (ageSecs < 48 * 3600)
        return r < 20 ? Status::InProgress
            : r < 25  ? Status::FieldInspection
            : r < 30  ? Status::WaitingForCitizen
            : r < 55  ? Status::ResolvedByAgency
            : r < 70  ? Status::Verified
                      : Status::Closed;
    return r < 85 ? Status::Closed
        : r < 90  ? Status::Verified
        : r < 95  ? Status::ResolvedByAgency
                  : Status::InProgress;
}

// The inspectors field inspections can be sent to: those the database has, or
// the demo inspector, added once.
Result<QStringList> findOrAddInspectors(Database &database, const QDateTime &now)
{
    UserRepository users(database);
    auto all = users.list();
    if (!all)
        return all.error();
    QStringList names;
    for (const User &u : std::as_const(all.value())) {
        if (u.role == Role::Inspector)
            names << u.name;
    }
    if (!names.isEmpty())
        return names;
    // A random 256-bit password no one knows: the cost of the hash adds nothing to it.
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()),
                                          secret.size() / int(sizeof(quint32)));
    // PostgreSQL's logins belong to the whole server: another database on it
    // (another centre's demo, a test's beside it) may have the name already,
    // or be making it this moment. Then the next of a few names.
    const QString base = QStringView(DemoSeeder::DemoInspector).toString();
    Error taken;
    for (int n = 1; n <= 9; ++n) {
        const QString name = n == 1 ? base : u"%1.%2"_s.arg(base).arg(n);
        auto password = users.secretFor(name, QString::fromLatin1(secret.toBase64()), 1000);
        if (!password)
            return password.error();
        auto added = users.add(name, u"بهناز مرادی"_s, Role::Inspector, password.value(), now);
        if (added)
            return QStringList { added->name };
        if (added.error().kind != ErrorKind::InvalidInput || added.error().field != u"NAME")
            return added.error();
        taken = added.error();
    }
    return taken;
}

} // namespace

DemoSeeder::DemoSeeder(Database &database, ReferenceCatalog catalog, const Clock &clock)
    : m_database(database)
    , m_catalog(std::move(catalog))
    , m_clock(clock)
{
}

Complaint DemoSeeder::generate(QRandomGenerator &rng, qint64 index, qint64 count, int days,
                               const QDateTime &now) const
{
    Complaint c;
    // Evenly spread over the period, oldest first, jittered within its slot.
    const double span = double(days) * 86400.0 * 1000.0;
    const double slot = span / double(count);
    const qint64 offsetMs = qint64(span - (double(index) + rng.generateDouble()) * slot);
    c.receivedAt = now.addMSecs(-std::max<qint64>(offsetMs, 0));

    const int channel = rng.bounded(100);
    c.channel = channel < 80 ? Channel::Line128
        : channel < 88       ? Channel::Web
        : channel < 91       ? Channel::AbroadLine
        : channel < 96       ? Channel::InPerson
                             : Channel::Letter;
    c.citizen.name = pick(rng, FirstNames) + u' ' + pick(rng, LastNames);
    if (rng.bounded(100) < 85)
        c.citizen.phone = u"+989"_s + QString::number(rng.bounded(10, 40)) + digits(rng, 7);
    else
        c.citizen.phone =
            u"+98"_s + pick(rng, AreaCodes) + QString::number(rng.bounded(2, 10)) + digits(rng, 7);
    if (rng.bounded(100) < 60)
        c.citizen.nationalId = nationalId(rng);
    c.citizen.shareIdentity = rng.bounded(100) < 30;

    // Tehran and the large provinces call more often.
    const auto &provinces = m_catalog.provinces();
    const int p = rng.bounded(100);
    const Province *province = p < 25 ? m_catalog.province(u"tehran"_s)
        : p < 35                      ? m_catalog.province(u"isfahan"_s)
        : p < 43                      ? m_catalog.province(u"razavi_khorasan"_s)
                                      : nullptr;
    c.provinceCode =
        province ? province->code : provinces.at(rng.bounded(int(provinces.size()))).code;
    c.agencyCode = m_catalog.agencies().at(rng.bounded(int(m_catalog.agencies().size()))).code;
    const Category &category =
        m_catalog.categories().at(rng.bounded(int(m_catalog.categories().size())));
    c.categoryCode = category.code;
    c.priority = category.urgent && rng.bounded(100) < 70 ? Priority::Urgent : Priority::Normal;
    c.description = QStringView(describe(c.categoryCode, rng.bounded(2))).toString();

    // Most name the office; some only the city; half the service or desk.
    quint64 h = placeHash(m_placeSeed, index);
    auto draw = [&h](quint64 n) {
        const quint64 v = h % n;
        h /= n;
        return v;
    };
    static const QList<Office> none;
    const QList<Office> *found = &none;
    if (const auto byProvince = m_offices.constFind(c.agencyCode); byProvince != m_offices.cend()) {
        if (const auto here = byProvince->constFind(c.provinceCode); here != byProvince->cend())
            found = &*here;
    }
    const QList<Office> &offices = *found;
    const QList<City> cities = m_cities.value(c.provinceCode);
    if (!offices.isEmpty() && draw(100) < 80) {
        const Office &office = offices.at(qsizetype(draw(quint64(offices.size()))));
        c.officeCode = office.code;
        c.cityCode = office.cityCode;
    } else if (!cities.isEmpty() && draw(100) < 60) {
        // The capital (first) half the time.
        c.cityCode = draw(2) == 0 ? cities.constFirst().code
                                  : cities.at(qsizetype(draw(quint64(cities.size())))).code;
    }
    static const QStringList desks = [] {
        QStringList out;
        for (const char16_t *desk : ServiceDesks)
            out << QStringView(desk).toString();
        return out;
    }();
    if (draw(2) == 0)
        c.serviceDesk = desks.at(qsizetype(draw(quint64(desks.size())))); // shared, not copied

    const qint64 ageSecs = c.receivedAt.secsTo(now);
    c.status = statusForAge(rng, ageSecs);
    // Some citizens call back: a few closed complaints older than a day were
    // reopened once and closed again, and half the old ones still in progress
    // are reopened ones. Drawn from a hash, as the place is.
    const quint64 turn = placeHash(m_placeSeed ^ 0x7E0BE4EDull, index) % 100;
    const bool reopened = ageSecs >= 24 * 3600
        && ((c.status == Status::Closed && turn < 5)
            || (c.status == Status::InProgress && turn < 50));
    const QString operatorName = pick(rng, DemoOperators);
    const QString registeredBy =
        c.channel == Channel::Web ? QStringView(SystemActor).toString() : operatorName;
    c.createdBy = registeredBy;

    HistoryEvent registered;
    registered.at = c.receivedAt;
    registered.actor = registeredBy;
    registered.type = u"registered"_s;
    registered.toStatus = code(Status::Registered);
    c.history.append(registered);

    // Each step a little later than the one before, all before now, the whole
    // path within its pace: most in hours, some in days, a few over a week.
    const qint64 hour = 3600;
    const auto pace = qint64(placeHash(m_placeSeed ^ 0x9ACE5ull, index) % 1000);
    const qint64 lifetime = pace < 600 ? 2 * hour + pace * 12 * hour / 600
        : pace < 900                   ? 14 * hour + (pace - 600) * 58 * hour / 300
                                       : 72 * hour + (pace - 900) * 168 * hour / 100;
    const qint64 room = std::max<qint64>(std::min(ageSecs, lifetime), 1);
    QDateTime at = c.receivedAt;
    Status from = Status::Registered;
    const qsizetype common = pathTo(c.status).size();
    const QList<Step> steps = reopened ? reopenedPathTo(c.status) : pathTo(c.status);
    // The steps past the common path draw from their own generator, so the
    // complaints after this one stay what they were.
    QRandomGenerator extra(quint32(placeHash(m_placeSeed ^ 0x7E0BE4EDull, index) >> 32));
    for (qsizetype n = 0; n < steps.size(); ++n) {
        const Step &step = steps.at(n);
        QRandomGenerator &gen = n < common ? rng : extra;
        at = at.addSecs(1 + gen.bounded(std::max<int>(1, int(room / (steps.size() + 1)))));
        HistoryEvent e;
        e.at = at;
        e.type = QStringView(step.action).toString();
        // Closing, reopening and sending an inspector are a supervisor's.
        e.actor =
            step.to == Status::Closed || step.to == Status::FieldInspection || e.type == u"reopen"
            ? QStringView(DemoSupervisor).toString()
            : operatorName;
        if (e.type == u"reopen") {
            c.outcome.clear();
            e.data[u"reason"] = u"شهروند دوباره تماس گرفت: مشکل برطرف نشده است."_s;
        }
        e.fromStatus = code(from);
        e.toStatus = code(step.to);
        if (step.to == Status::ResolvedByAgency)
            e.data[u"action_taken"] = u"موضوع بررسی و برطرف شد."_s;
        if (step.to == Status::WaitingForCitizen)
            e.data[u"reason"] = u"منتظر ارسال مدارک از سوی شهروند"_s;
        if (step.to == Status::FieldInspection && !m_inspectors.isEmpty()) {
            // By index, not by the generator: the rest of the data stays as it was.
            c.inspector = m_inspectors.at(int(index % m_inspectors.size()));
            e.data[u"inspector"] = c.inspector;
        }
        if (step.to == Status::Verified) {
            c.satisfaction = 1 + gen.bounded(5);
            e.data[u"result"] = u"confirmed"_s;
            e.data[u"satisfaction"] = *c.satisfaction;
        }
        if (step.to == Status::Closed) {
            const int o = gen.bounded(100);
            c.outcome = o < 55 ? u"founded"_s
                : o < 70       ? u"partly_founded"_s
                : o < 90       ? u"unfounded"_s
                               : u"outside_jurisdiction"_s;
            e.data[u"outcome"] = c.outcome;
        }
        c.history.append(e);
        from = step.to;
    }
    if (c.status != Status::Registered)
        c.assignee = operatorName;
    if (m_sla) {
        // The ladder's escalations, at the moments the sweeper would have made
        // them, so the demo holds escalated complaints and the sweeper finds
        // nothing owed on its first run.
        auto fired = m_sla->firedRungs(c, now);
        std::stable_sort(fired.begin(), fired.end(),
                         [](const auto &a, const auto &b) { return a.at < b.at; });
        QList<HistoryEvent> raised;
        for (const SlaEngine::FiredRung &rung : std::as_const(fired)) {
            while (c.escalationLevel < rung.level) {
                HistoryEvent e;
                e.at = rung.at;
                e.actor = QStringView(SystemActor).toString();
                e.type = u"escalated"_s;
                e.fromStatus = e.toStatus = statusAt(c.history, rung.at);
                e.data[u"reason"] = u"sla"_s;
                e.data[u"level"] = ++c.escalationLevel;
                raised.append(e);
            }
        }
        if (!raised.isEmpty()) {
            c.history.append(raised);
            std::stable_sort(
                c.history.begin(), c.history.end(),
                [](const HistoryEvent &a, const HistoryEvent &b) { return a.at < b.at; });
        }
    }
    c.version = int(c.history.size());
    c.updatedAt = c.history.constLast().at;
    c.dueAt = m_sla ? m_sla->resolutionDue(c, now) : c.receivedAt.addSecs(3 * 3600);
    if (m_sla)
        m_sla->settleResolution(c);
    return c;
}

QList<Office> DemoSeeder::demoOffices(const ReferenceCatalog &catalog)
{
    QList<Office> out;
    for (const Province &province : catalog.provinces()) {
        const QList<City> cities = catalog.citiesOf(province.code).mid(0, 3);
        for (const Agency &agency : catalog.agencies()) {
            for (const City &city : cities)
                out.append({ agency.code + u'-' + city.code, agency.code, province.code, city.code,
                             officeName(agency, city) });
        }
    }
    return out;
}

Result<qint64> DemoSeeder::run(const Options &options, const std::function<void(qint64)> &progress)
{
    ComplaintRepository repository(m_database);
    auto sla = SlaRepository(m_database).load();
    if (!sla)
        return sla.error();
    m_sla = std::move(sla).value();
    if (auto inspectors = findOrAddInspectors(m_database, m_clock.nowUtc()); !inspectors)
        return inspectors.error();
    else
        m_inspectors = std::move(inspectors).value();
    {
        // The database's offices, or the demo's when it has none.
        OfficeRepository offices(m_database);
        auto count = offices.count();
        if (!count)
            return count.error();
        if (count.value() == 0) {
            Transaction tx(m_database);
            if (auto begun = tx.begin(); !begun)
                return begun.error();
            if (auto saved = offices.save(demoOffices(m_catalog), m_clock.nowUtc()); !saved)
                return saved.error();
            if (auto committed = tx.commit(); !committed)
                return committed.error();
        }
        auto all = offices.list();
        if (!all)
            return all.error();
        m_offices.clear();
        for (const Office &o : std::as_const(all.value()))
            m_offices[o.agencyCode][o.provinceCode].append(o);
        m_cities.clear();
        for (const City &c : m_catalog.cities())
            m_cities[c.provinceCode].append(c);
        m_placeSeed = options.seed;
    }
    QSqlQuery pragma(m_database.connection());
    for (const QString &sql : m_database.dialect().bulkLoadBegin())
        pragma.exec(sql);
    const auto restore = qScopeGuard([&] {
        for (const QString &sql : m_database.dialect().bulkLoadEnd())
            pragma.exec(sql);
    });
    QRandomGenerator rng(options.seed);
    const QDateTime now = m_clock.nowUtc();
    // The next batch is generated on a second thread while this one is written:
    // generation is a tenth of the work and the machine has cores to spare.
    // One generator thread at a time keeps the random sequence, and so the data,
    // the same for a seed.
    auto generateBatch = [this, &rng, &options, now](qint64 first) {
        QList<Complaint> batch;
        const qint64 end = std::min<qint64>(first + BatchSize, options.count);
        batch.reserve(end - first);
        for (qint64 i = first; i < end; ++i)
            batch.append(generate(rng, i, options.count, options.days, now));
        return batch;
    };
    qint64 written = 0;
    std::future<QList<Complaint>> next = std::async(std::launch::async, generateBatch, qint64(0));
    while (written < options.count) {
        QList<Complaint> batch = next.get();
        const qint64 following = written + batch.size();
        if (following < options.count)
            next = std::async(std::launch::async, generateBatch, following);
        if (auto stored = repository.insertMany(batch); !stored) {
            if (next.valid())
                next.wait(); // it uses rng and options: never leave it running
            return stored.error();
        }
        written = following;
        if (progress)
            progress(written);
    }
    return written;
}

} // namespace fouad
