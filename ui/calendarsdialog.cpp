#include "calendarsdialog.h"

#include "domain/complaintenums.h"
#include "domain/jalali.h"
#include "messagelabel.h"
#include "services/administrationservice.h"

#include <QCalendar>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

namespace {

// Saturday first, as the week runs in Iran.
constexpr Qt::DayOfWeek WeekOrder[] = { Qt::Saturday,  Qt::Sunday,   Qt::Monday, Qt::Tuesday,
                                        Qt::Wednesday, Qt::Thursday, Qt::Friday };

} // namespace

CalendarsDialog::CalendarsDialog(Database &database, const ReferenceCatalog &catalog, User actor,
                                 QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_actor(std::move(actor))
    , m_catalog(catalog)
{
    setObjectName(u"calendarsDialog"_s);
    setWindowTitle(tr("Work calendars"));
    resize(820, 640);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_calendar = new QComboBox(this);
    m_calendar->setObjectName(u"calendar"_s);
    if (auto list = AdministrationService(m_database).calendars()) {
        for (const auto &c : list.value())
            m_calendar->addItem(c.name + u" (" + c.code + u')', c.code);
    }
    top->addWidget(new QLabel(tr("Calendar:"), this));
    top->addWidget(m_calendar, 1);
    layout->addLayout(top);
    m_message = newMessageLabel(this);
    layout->addWidget(m_message);

    auto *tabs = new QTabWidget(this);
    layout->addWidget(tabs, 1);

    // Office hours.
    auto *hoursPage = new QWidget(tabs);
    auto *hoursLayout = new QVBoxLayout(hoursPage);
    m_hours = new QTableWidget(7, 3, hoursPage);
    m_hours->setObjectName(u"hours"_s);
    m_hours->setHorizontalHeaderLabels({ tr("Open"), tr("From"), tr("To") });
    m_hours->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    for (int row = 0; row < 7; ++row) {
        m_hours->setVerticalHeaderItem(row, new QTableWidgetItem(locale().dayName(WeekOrder[row])));
        m_hours->setCellWidget(row, 0, new QCheckBox(m_hours));
        for (int col : { 1, 2 }) {
            auto *edit = new QTimeEdit(m_hours);
            edit->setDisplayFormat(u"HH:mm"_s);
            m_hours->setCellWidget(row, col, edit);
        }
    }
    hoursLayout->addWidget(m_hours);
    auto *saveHours = new QPushButton(tr("&Save office hours"), hoursPage);
    connect(saveHours, &QPushButton::clicked, this, &CalendarsDialog::saveHours);
    hoursLayout->addWidget(saveHours, 0, Qt::AlignLeading);
    tabs->addTab(hoursPage, tr("Office hours"));

    // Holidays.
    auto *holidaysPage = new QWidget(tabs);
    auto *holidaysLayout = new QVBoxLayout(holidaysPage);
    m_holidays = new QTableWidget(0, 3, holidaysPage);
    m_holidays->setObjectName(u"holidays"_s);
    m_holidays->setHorizontalHeaderLabels({ tr("Date"), tr("Name"), tr("Confirmed") });
    m_holidays->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_holidays->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_holidays->setEditTriggers(QAbstractItemView::NoEditTriggers);
    holidaysLayout->addWidget(m_holidays, 1);
    auto *addRow = new QHBoxLayout;
    m_date = new QDateEdit(holidaysPage);
    m_date->setObjectName(u"holidayDate"_s);
    m_date->setCalendar(
        QCalendar(QCalendar::System::Jalali)); // the picker pages through Jalali months
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(u"yyyy/MM/dd"_s);
    m_date->setDate(QDate::currentDate());
    m_name = new QLineEdit(holidaysPage);
    m_name->setObjectName(u"holidayName"_s);
    m_name->setPlaceholderText(tr("name of the holiday"));
    m_everyYear = new QCheckBox(tr("every year"), holidaysPage);
    auto *add = new QPushButton(tr("&Add"), holidaysPage);
    addRow->addWidget(m_date);
    addRow->addWidget(m_name, 1);
    addRow->addWidget(m_everyYear);
    addRow->addWidget(add);
    holidaysLayout->addLayout(addRow);
    auto *buttons = new QHBoxLayout;
    auto *remove = new QPushButton(tr("&Remove selected"), holidaysPage);
    auto *estimate = new QPushButton(tr("&Estimate lunar holidays…"), holidaysPage);
    auto *import = new QPushButton(tr("&Import CSV…"), holidaysPage);
    buttons->addWidget(remove);
    buttons->addWidget(estimate);
    buttons->addWidget(import);
    buttons->addStretch(1);
    holidaysLayout->addLayout(buttons);
    tabs->addTab(holidaysPage, tr("Holidays"));

    // Provinces.
    m_provinces = new QTableWidget(int(catalog.provinces().size()), 2, tabs);
    m_provinces->setObjectName(u"provinceCalendars"_s);
    m_provinces->setHorizontalHeaderLabels({ tr("Province"), tr("Calendar") });
    m_provinces->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_provinces->verticalHeader()->setVisible(false);
    const auto assigned = AdministrationService(m_database).provinceCalendars();
    for (int row = 0; row < catalog.provinces().size(); ++row) {
        const Province &p = catalog.provinces().at(row);
        m_provinces->setItem(row, 0, new QTableWidgetItem(localizedName(p)));
        auto *choice = new QComboBox(m_provinces);
        for (int i = 0; i < m_calendar->count(); ++i)
            choice->addItem(m_calendar->itemText(i), m_calendar->itemData(i));
        const QString current = assigned ? assigned->value(p.code, u"default"_s) : u"default"_s;
        choice->setCurrentIndex(choice->findData(current));
        connect(choice, &QComboBox::currentIndexChanged, this, [this, choice, code = p.code] {
            auto done = AdministrationService(m_database)
                            .setProvinceCalendar(m_actor, code, choice->currentData().toString());
            showMessage(done ? tr("Saved.") : done.error().message, !done);
        });
        m_provinces->setCellWidget(row, 1, choice);
    }
    tabs->addTab(m_provinces, tr("Provinces"));

    // Channels: their own calendar, or the province's.
    auto *channels = new QTableWidget(int(allChannels().size()), 2, tabs);
    channels->setObjectName(u"channelCalendars"_s);
    channels->setHorizontalHeaderLabels({ tr("Channel"), tr("Calendar") });
    channels->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    channels->verticalHeader()->setVisible(false);
    const auto byChannel = AdministrationService(m_database).channelCalendars();
    for (int row = 0; row < allChannels().size(); ++row) {
        const Channel channel = allChannels().at(row);
        channels->setItem(row, 0, new QTableWidgetItem(title(channel)));
        auto *choice = new QComboBox(channels);
        choice->addItem(tr("the province's calendar"), QString());
        for (int i = 0; i < m_calendar->count(); ++i)
            choice->addItem(m_calendar->itemText(i), m_calendar->itemData(i));
        choice->setCurrentIndex(
            qMax(0, choice->findData(byChannel ? byChannel->value(code(channel)) : QString())));
        connect(choice, &QComboBox::currentIndexChanged, this, [this, choice, channel] {
            auto done =
                AdministrationService(m_database)
                    .setChannelCalendar(m_actor, code(channel), choice->currentData().toString());
            showMessage(done ? tr("Saved.") : done.error().message, !done);
        });
        channels->setCellWidget(row, 1, choice);
    }
    tabs->addTab(channels, tr("Channels"));

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(close);

    connect(m_calendar, &QComboBox::currentIndexChanged, this, &CalendarsDialog::loadCalendar);
    connect(add, &QPushButton::clicked, this, &CalendarsDialog::addHolidayFromPicker);
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_holidays->currentRow();
        if (row < 0)
            return;
        auto done =
            AdministrationService(m_database)
                .removeHoliday(m_actor, m_holidays->item(row, 0)->data(Qt::UserRole).toLongLong());
        showMessage(done ? tr("Removed.") : done.error().message, !done);
        loadCalendar();
    });
    connect(estimate, &QPushButton::clicked, this, [this] {
        const int thisYear =
            QCalendar(QCalendar::System::Jalali).partsFromDate(QDate::currentDate()).year;
        bool ok = false;
        const int year = QInputDialog::getInt(this, tr("Lunar holidays"), tr("Jalali year:"),
                                              thisYear + 1, 1300, 1500, 1, &ok);
        if (ok)
            estimateLunar(year);
    });
    connect(import, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Import holidays"), {}, tr("CSV files (*.csv)"));
        QFile file(path);
        if (path.isEmpty())
            return;
        if (!file.open(QIODevice::ReadOnly)) {
            showMessage(file.errorString(), true);
            return;
        }
        importCsv(QString::fromUtf8(file.readAll()));
    });
    connect(m_holidays, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_loading || item->column() != 2)
            return;
        auto done = AdministrationService(m_database)
                        .setHolidayConfirmed(m_actor, item->data(Qt::UserRole).toLongLong(),
                                             item->checkState() == Qt::Checked);
        showMessage(done ? tr("Saved.") : done.error().message, !done);
    });
    loadCalendar();
}

QString CalendarsDialog::currentCalendar() const
{
    return m_calendar->currentData().toString();
}

void CalendarsDialog::showMessage(const QString &text, bool error)
{
    ui::showMessage(m_message, text, error);
}

void CalendarsDialog::loadCalendar()
{
    m_loading = true;
    AdministrationService admin(m_database);
    if (auto week = admin.hours(currentCalendar())) {
        for (int row = 0; row < 7; ++row) {
            const auto &day = week.value()[size_t(WeekOrder[row] - 1)];
            static_cast<QCheckBox *>(m_hours->cellWidget(row, 0))->setChecked(!day.isEmpty());
            const auto iv = day.isEmpty() ? WorkCalendar::OfficeHours : day.first();
            static_cast<QTimeEdit *>(m_hours->cellWidget(row, 1))
                ->setTime(QTime(0, 0).addSecs(iv.startMinute * 60));
            static_cast<QTimeEdit *>(m_hours->cellWidget(row, 2))
                ->setTime(QTime(0, 0).addSecs(iv.endMinute * 60));
        }
    }
    auto holidays = admin.holidays(currentCalendar());
    m_holidays->setRowCount(0);
    if (holidays) {
        m_holidays->setRowCount(int(holidays->size()));
        const QLocale loc = locale();
        for (int row = 0; row < holidays->size(); ++row) {
            const Holiday &h = holidays->at(row);
            const QString date = h.jalaliYear == 0
                ? tr("every %1/%2").arg(loc.toString(h.jalaliMonth), loc.toString(h.jalaliDay))
                : Jalali::formatDate(QCalendar(QCalendar::System::Jalali)
                                         .dateFromParts(h.jalaliYear, h.jalaliMonth, h.jalaliDay),
                                     loc);
            auto *dateItem = new QTableWidgetItem(date);
            dateItem->setData(Qt::UserRole, h.id);
            m_holidays->setItem(row, 0, dateItem);
            m_holidays->setItem(row, 1, new QTableWidgetItem(h.name));
            auto *confirmed = new QTableWidgetItem;
            confirmed->setData(Qt::UserRole, h.id);
            confirmed->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            confirmed->setCheckState(h.confirmed ? Qt::Checked : Qt::Unchecked);
            m_holidays->setItem(row, 2, confirmed);
        }
    } else {
        showMessage(holidays.error().message, true);
    }
    m_loading = false;
}

void CalendarsDialog::saveHours()
{
    std::array<QList<WorkCalendar::Interval>, 7> week;
    for (int row = 0; row < 7; ++row) {
        if (!static_cast<QCheckBox *>(m_hours->cellWidget(row, 0))->isChecked())
            continue;
        const QTime from = static_cast<QTimeEdit *>(m_hours->cellWidget(row, 1))->time();
        const QTime to = static_cast<QTimeEdit *>(m_hours->cellWidget(row, 2))->time();
        week[size_t(WeekOrder[row] - 1)] = { { from.hour() * 60 + from.minute(),
                                               to.hour() * 60 + to.minute() } };
    }
    auto done = AdministrationService(m_database).setHours(m_actor, currentCalendar(), week);
    showMessage(done ? tr("Office hours saved.") : done.error().message, !done);
}

void CalendarsDialog::addHolidayFromPicker()
{
    const auto parts = QCalendar(QCalendar::System::Jalali).partsFromDate(m_date->date());
    if (m_name->text().trimmed().isEmpty()) {
        showMessage(tr("Name the holiday."), true);
        m_name->setFocus();
        return;
    }
    const Holiday h { 0,
                      m_everyYear->isChecked() ? 0 : parts.year,
                      parts.month,
                      parts.day,
                      m_name->text().trimmed(),
                      true };
    auto done = AdministrationService(m_database).addHolidays(m_actor, currentCalendar(), { h });
    showMessage(done ? tr("Added.") : done.error().message, !done);
    if (done)
        m_name->clear();
    loadCalendar();
}

void CalendarsDialog::estimateLunar(int jalaliYear)
{
    const QList<Holiday> estimates = Holidays::lunarEstimates(jalaliYear);
    auto done =
        AdministrationService(m_database).addHolidays(m_actor, currentCalendar(), estimates);
    showMessage(
        done ? tr("%n estimated lunar holiday(s) added, unconfirmed: they count once confirmed.",
                  nullptr, int(estimates.size()))
             : done.error().message,
        !done);
    loadCalendar();
}

void CalendarsDialog::importCsv(const QString &text)
{
    const auto parsed = Holidays::parseCsv(text);
    if (!parsed) {
        showMessage(parsed.error().field + u": "_s + parsed.error().message,
                    true); // nothing imported
        return;
    }
    auto done =
        AdministrationService(m_database).addHolidays(m_actor, currentCalendar(), parsed.value());
    showMessage(done ? tr("%n holiday(s) imported.", nullptr, int(parsed->size()))
                     : done.error().message,
                !done);
    loadCalendar();
}

} // namespace fouad::ui
