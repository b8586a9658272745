// fouadctl report as management and cron use it: the real binary (its
// QGuiApplication for the PDF) on seeded demo data, SQLite and PostgreSQL.
// The known answers: every seeded complaint is in the wide period; a narrow
// period lists exactly what `stats` counts; the files are read back with
// independent tools (openpyxl, pdftotext).
#include "domain/jalali.h"
#include "reportexporter.h"
#include "storage/database.h"
#include "support/testdatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

struct CtlResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

CtlResult runProcess(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(program, args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    CtlResult r;
    if (!p.waitForFinished(180000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString jalali(const QDate &day)
{
    return Jalali::formatDate(day, QLocale::c());
}

constexpr int Seeded = 400;

class ReportTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        ASSERT_TRUE(dir.isValid());
        ASSERT_EQ(ctl({ u"init-db"_s }).exitCode, 0);
        const CtlResult seeded = ctl({ u"seed-demo"_s, u"--count"_s, QString::number(Seeded),
                                       u"--seed"_s, u"11"_s, u"--days"_s, u"30"_s });
        ASSERT_EQ(seeded.exitCode, 0) << seeded.err.toStdString();
        today = QDateTime::currentDateTimeUtc().toTimeZone(Jalali::tehran()).date();
    }

    CtlResult ctl(const QStringList &args, const QByteArray &input = {})
    {
        return runProcess(QStringLiteral(FOUADCTL_PATH),
                          QStringList { u"--db"_s, testDb->url().toString() } + args, input);
    }

    CtlResult report(const QString &format, const QString &file, const QDate &from, const QDate &to,
                     const QStringList &extra = {})
    {
        return ctl(QStringList { u"report"_s, u"--from"_s, jalali(from), u"--to"_s, jalali(to),
                                 u"--format"_s, format, u"--output"_s, path(file) }
                   + extra);
    }

    qint64 statsTotal(const QDate &from, const QDate &to)
    {
        const CtlResult r =
            ctl({ u"stats"_s, u"--from"_s, jalali(from), u"--to"_s, jalali(to), u"--json"_s });
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"total").toInteger(-1);
    }

    QString path(const QString &file) const { return dir.filePath(file); }

    // Every name, full phone (both forms) and national ID in the database: none
    // may appear in a masked report.
    QStringList personalValues()
    {
        auto db = Database::open(testDb->url());
        EXPECT_TRUE(db) << db.error().message.toStdString();
        QStringList values;
        QSqlQuery q(db.value()->connection());
        EXPECT_TRUE(
            q.exec(u"SELECT citizen_name, citizen_phone, citizen_national_id FROM complaints"_s));
        while (q.next()) {
            values << q.value(0).toString() << q.value(1).toString()
                   << u"0"_s + q.value(1).toString().mid(3);
            if (!q.value(2).toString().isEmpty())
                values << q.value(2).toString();
        }
        values.removeAll(QString());
        db.value()->closeConnection();
        return values;
    }

    std::unique_ptr<TestDatabase> testDb;
    QTemporaryDir dir;
    QDate today;
};

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

TEST_P(ReportTest, CsvHasOneRowPerComplaintTheStatsCount)
{
    // The wide period: every seeded complaint.
    const QDate from = today.addDays(-40);
    ASSERT_EQ(statsTotal(from, today), Seeded);
    const CtlResult all = report(u"csv"_s, u"all.csv"_s, from, today);
    ASSERT_EQ(all.exitCode, 0) << all.err.toStdString();
    EXPECT_TRUE(all.out.contains(u"%1 complaints"_s.arg(Seeded))) << all.out.toStdString();
    QFile f(path(u"all.csv"_s));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(u"\r\n"_s, Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), Seeded + 1);
    EXPECT_TRUE(lines.first().startsWith(u"tracking_code,received_at,"_s));
    EXPECT_FALSE(lines.first().contains(u"citizen_name"_s));

    // A narrow period: exactly what stats counts (part of them).
    const QDate narrowFrom = today.addDays(-20), narrowTo = today.addDays(-11);
    const qint64 narrow = statsTotal(narrowFrom, narrowTo);
    EXPECT_GT(narrow, 0);
    EXPECT_LT(narrow, Seeded);
    const CtlResult some = report(u"csv"_s, u"some.csv"_s, narrowFrom, narrowTo);
    ASSERT_EQ(some.exitCode, 0) << some.err.toStdString();
    EXPECT_EQ(readAll(path(u"some.csv"_s)).split(u"\r\n"_s, Qt::SkipEmptyParts).size(), narrow + 1);

    // One province: the rows are of it.
    const CtlResult tehranOnly =
        report(u"csv"_s, u"tehran.csv"_s, from, today, { u"--province"_s, u"tehran"_s });
    ASSERT_EQ(tehranOnly.exitCode, 0) << tehranOnly.err.toStdString();
    const QStringList tehranLines =
        readAll(path(u"tehran.csv"_s)).split(u"\r\n"_s, Qt::SkipEmptyParts);
    const int provinceColumn = int(lines.first().split(u',').indexOf(u"province"_s));
    ASSERT_GE(provinceColumn, 0);
    for (qsizetype i = 1; i < tehranLines.size(); ++i)
        EXPECT_EQ(tehranLines.at(i).split(u',').at(provinceColumn), u"tehran"_s);
    EXPECT_LT(tehranLines.size(), Seeded + 1);
}

TEST_P(ReportTest, XlsxHasThreeRightToLeftSheetsWithTheFigures)
{
    const QDate from = today.addDays(-40);
    const CtlResult r = report(u"xlsx"_s, u"r.xlsx"_s, from, today);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const char *script = R"(
import sys, openpyxl, datetime, json
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": len(wb.worksheets),
       "rtl": [bool(ws.sheet_view.rightToLeft) for ws in wb.worksheets]}
figures = wb.worksheets[0]
out["total"] = figures.cell(row=4, column=2).value
rows = list(wb.worksheets[2].iter_rows(values_only=True))
out["rows"] = len(rows)
out["dates"] = sum(1 for row in rows[1:] if isinstance(row[-2], datetime.datetime))
out["text"] = " ".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None)
print(json.dumps(out))
)";
    const CtlResult py = runProcess(u"/usr/bin/python3"_s,
                                    { u"-c"_s, QString::fromUtf8(script), path(u"r.xlsx"_s) });
    ASSERT_EQ(py.exitCode, 0) << py.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(py.out.toUtf8()).object();
    EXPECT_EQ(o[u"sheets"].toInt(), 3);
    EXPECT_EQ(o[u"rtl"].toVariant().toList(), (QVariantList { true, true, true }));
    EXPECT_EQ(o[u"total"].toInt(), Seeded); // "Complaints registered", after the period's two rows
    EXPECT_EQ(o[u"rows"].toInt(), Seeded + 1);
    EXPECT_EQ(o[u"dates"].toInt(), Seeded); // every received time is a real date cell
    const QString text = o[u"text"].toString();
    for (const QString &value : personalValues())
        ASSERT_FALSE(text.contains(value)) << value.toStdString();
}

TEST_P(ReportTest, PdfTextHoldsTheTitleAndTheCount)
{
    const QDate from = today.addDays(-40);
    const CtlResult r = report(u"pdf"_s, u"r.pdf"_s, from, today);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const CtlResult text = runProcess(u"pdftotext"_s, { path(u"r.pdf"_s), u"-"_s });
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    // pdftotext gives the shaped glyphs' Arabic presentation forms (ﮔﺰارش):
    // NFKC turns them back into letters.
    const QString plain = text.out.normalized(QString::NormalizationForm_KC);
    EXPECT_TRUE(plain.contains(u"گزارش"_s)) << text.out.left(400).toStdString();
    QLocale fa(QLocale::Persian, QLocale::Iran);
    fa.setNumberOptions(QLocale::OmitGroupSeparator);
    EXPECT_TRUE(plain.contains(fa.toString(Seeded))) << text.out.left(2000).toStdString();
    EXPECT_TRUE(plain.contains(Jalali::formatDate(from, fa))) << text.out.left(400).toStdString();
    for (const QString &value : personalValues())
        ASSERT_FALSE(plain.contains(value)) << value.toStdString();
}

TEST_P(ReportTest, MaskedByDefaultAndPersonalDataOnlyForSupervisors)
{
    const QDate from = today.addDays(-40);
    ASSERT_EQ(report(u"csv"_s, u"masked.csv"_s, from, today).exitCode, 0);
    const QString masked = readAll(path(u"masked.csv"_s));
    for (const QString &value : personalValues())
        ASSERT_FALSE(masked.contains(value)) << value.toStdString();
    const QStringList lines = masked.split(u"\r\n"_s, Qt::SkipEmptyParts);
    const QRegularExpression maskedPhone(u"^0\\d{3}\\*\\*\\*\\d{4}$"_s);
    EXPECT_TRUE(maskedPhone.match(lines.at(1).split(u',').last()).hasMatch())
        << lines.at(1).toStdString();

    const QByteArray password = "a long enough password\n";
    ASSERT_EQ(
        ctl({ u"user"_s, u"add"_s, u"op.report"_s, u"--role"_s, u"operator"_s }, password).exitCode,
        0);
    ASSERT_EQ(ctl({ u"user"_s, u"add"_s, u"sup.report"_s, u"--role"_s, u"supervisor"_s }, password)
                  .exitCode,
              0);
    for (const QString &format : { u"csv"_s, u"xlsx"_s, u"pdf"_s }) {
        const CtlResult refused = report(format, u"op."_s + format, from, today,
                                         { u"--include-personal"_s, u"--as"_s, u"op.report"_s });
        EXPECT_EQ(refused.exitCode, 5) << refused.err.toStdString();
        EXPECT_FALSE(QFile::exists(path(u"op."_s + format)));
    }
    EXPECT_TRUE(QDir(dir.path()).entryList({ u"*.part"_s }, QDir::Files | QDir::Hidden).isEmpty());
    const CtlResult noUser =
        report(u"csv"_s, u"none.csv"_s, from, today, { u"--include-personal"_s });
    EXPECT_EQ(noUser.exitCode, 2);
    EXPECT_TRUE(noUser.err.contains(u"--as"_s)) << noUser.err.toStdString();
    EXPECT_FALSE(QFile::exists(path(u"none.csv"_s)));

    const CtlResult allowed = report(u"csv"_s, u"sup.csv"_s, from, today,
                                     { u"--include-personal"_s, u"--as"_s, u"sup.report"_s });
    ASSERT_EQ(allowed.exitCode, 0) << allowed.err.toStdString();
    const QString full = readAll(path(u"sup.csv"_s));
    EXPECT_TRUE(full.split(u"\r\n"_s).first().contains(u"citizen_name,national_id"_s));
    const QStringList values = personalValues();
    ASSERT_FALSE(values.isEmpty());
    EXPECT_TRUE(full.contains(values.first())); // the first complaint's name
}

TEST_P(ReportTest, BadInputExits2NamingTheFlagAndWritesNothing)
{
    const QDate from = today.addDays(-40);
    struct Case
    {
        QStringList args;
        QString field;
    };
    const QString out = path(u"bad.csv"_s);
    const QList<Case> cases {
        { { u"--from"_s, u"1405/13/01"_s, u"--to"_s, jalali(today) }, u"--from"_s },
        { { u"--from"_s, jalali(from), u"--to"_s, u"tomorrow"_s }, u"--to"_s },
        { { u"--from"_s, jalali(today), u"--to"_s, jalali(from) }, u"--to"_s },
        { { u"--from"_s, jalali(from), u"--to"_s, jalali(today), u"--province"_s, u"atlantis"_s },
          u"--province"_s },
        { { u"--from"_s, jalali(from), u"--to"_s, jalali(today), u"--agency"_s, u"nobody"_s },
          u"--agency"_s },
    };
    for (const Case &c : cases) {
        const CtlResult r =
            ctl(QStringList { u"report"_s, u"--format"_s, u"csv"_s, u"--output"_s, out } + c.args);
        EXPECT_EQ(r.exitCode, 2) << c.args.join(u' ').toStdString();
        EXPECT_TRUE(r.err.contains(c.field)) << r.err.toStdString();
        EXPECT_FALSE(QFile::exists(out));
    }
    const CtlResult format = ctl({ u"report"_s, u"--from"_s, jalali(from), u"--to"_s, jalali(today),
                                   u"--format"_s, u"docx"_s, u"--output"_s, out });
    EXPECT_EQ(format.exitCode, 2);
    EXPECT_TRUE(format.err.contains(u"--format"_s)) << format.err.toStdString();
}

TEST_P(ReportTest, ACancelledExportLeavesNoFile)
{
    auto db = Database::open(testDb->url());
    ASSERT_TRUE(db) << db.error().message.toStdString();
    for (const ReportFormat format : { ReportFormat::Csv, ReportFormat::Xlsx }) {
        ReportRequest request;
        request.fromDay = today.addDays(-40);
        request.toDay = today;
        request.format = format;
        request.outputPath = path(u"cancelled."_s + code(format));
        std::atomic_bool cancel { false };
        qint64 lastDone = -1, lastTotal = -1;
        ExportControl control { [&](qint64 done, qint64 total) {
                                   lastDone = done;
                                   lastTotal = total;
                               },
                                &cancel };
        // Uncancelled it completes and says how far it got.
        auto done = ReportExporter(*db.value())
                        .run(request, systemActor(), QDateTime::currentDateTimeUtc(), control);
        ASSERT_TRUE(done) << done.error().message.toStdString();
        EXPECT_EQ(done->rows, Seeded);
        EXPECT_EQ(lastDone, Seeded);
        EXPECT_EQ(lastTotal, Seeded);
        ASSERT_TRUE(QFile::remove(request.outputPath));
        // Cancelled: an error, and neither the file nor a partial one.
        cancel = true;
        auto stopped = ReportExporter(*db.value())
                           .run(request, systemActor(), QDateTime::currentDateTimeUtc(), control);
        ASSERT_FALSE(stopped);
        EXPECT_TRUE(ReportWriter::isCancelled(stopped.error()));
        EXPECT_FALSE(QFile::exists(request.outputPath));
        EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty())
            << QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).join(u' ').toStdString();
    }
    db.value()->closeConnection();
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &param) { return backendName(param.param); });

} // namespace
