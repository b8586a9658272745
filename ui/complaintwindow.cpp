#include "complaintwindow.h"

#include "actiondialog.h"
#include "countdown.h"
#include "domain/eventtitles.h"
#include "domain/jalali.h"
#include "domain/persiantext.h"
#include "domain/phonenumber.h"
#include "domain/workflow.h"
#include "live/changefeed.h"
#include "messagelabel.h"
#include "palette.h"
#include "services/workflowservice.h"
#include "settingsdialog.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/slaconfigcache.h"
#include "storage/userrepository.h"
#include "telephony/dialer.h"

#include <QCloseEvent>
#include <QCoreApplication>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

namespace {

QString statusTitle(const QString &code)
{
    const auto status = statusFromCode(code);
    return status ? title(*status) : code;
}

// The event's data in words: "reason: …", "satisfaction: ۴".
QString eventDetails(const HistoryEvent &e, const QLocale &locale)
{
    static constexpr char Context[] = "fouad::ui::ComplaintWindow";
    QStringList parts;
    const std::pair<const char16_t *, const char *> keys[] = {
        { u"assignee", QT_TRANSLATE_NOOP("fouad::ui::ComplaintWindow", "assigned to") },
        { u"inspector", QT_TRANSLATE_NOOP("fouad::ui::ComplaintWindow", "inspector") },
        { u"action_taken", QT_TRANSLATE_NOOP("fouad::ui::ComplaintWindow", "agency's action") },
        { u"result", QT_TRANSLATE_NOOP("fouad::ui::ComplaintWindow", "call result") },
        { u"satisfaction", QT_TRANSLATE_NOOP("fouad::ui::ComplaintWindow", "satisfaction") },
        { u"outcome", QT_TRANSLATE_NOOP("fouad::ui::ComplaintWindow", "outcome") },
        { u"reason", QT_TRANSLATE_NOOP("fouad::ui::ComplaintWindow", "reason") },
        { u"into", QT_TRANSLATE_NOOP("fouad::ui::ComplaintWindow", "merged into") },
        { u"level", QT_TRANSLATE_NOOP("fouad::ui::ComplaintWindow", "level") },
        { u"note", QT_TRANSLATE_NOOP("fouad::ui::ComplaintWindow", "note") },
        // A reminder's recipient: "recipient", or "to" in events written before it had its own key.
        { u"recipient", QT_TRANSLATE_NOOP("fouad::ui::ComplaintWindow", "sent to") },
        { u"to", QT_TRANSLATE_NOOP("fouad::ui::ComplaintWindow", "sent to") },
    };
    for (const auto &[key, label] : keys) {
        const QJsonValue v = e.data.value(QStringView(key));
        if (v.isUndefined() || v.isNull())
            continue;
        QString text = v.isDouble() ? locale.toString(v.toInt()) : v.toString();
        if (QStringView(key) == u"outcome") {
            if (const auto o = outcomeFromCode(text))
                text = title(*o);
        } else if (QStringView(key) == u"into") {
            text = PersianText::localizeDigits(text, locale);
        } else if (QStringView(key) == u"result" || QStringView(key) == u"reason") {
            text = EventTitles::reasonTitle(text);
        }
        parts << QCoreApplication::translate(Context, label) + u": "_s + text;
    }
    return parts.join(u" · "_s);
}

} // namespace

ComplaintWindow::ComplaintWindow(std::shared_ptr<Database> database,
                                 const ReferenceCatalog &catalog, const User &user,
                                 const QString &trackingCode, const Clock &clock, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_database(std::move(database))
    , m_catalog(catalog)
    , m_user(user)
    , m_code(trackingCode)
    , m_clock(clock)
    , m_workflow(std::make_unique<WorkflowService>(*m_database, clock))
{
    setObjectName(u"complaintWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1000, 720);
    auto *layout = new QVBoxLayout(this);

    m_header = new QLabel(this);
    m_header->setObjectName(u"complaintHeader"_s);
    layout->addWidget(m_header);
    m_lockBanner = newMessageLabel(this, MessageKind::Warning);
    layout->addWidget(m_lockBanner);
    m_changedNotice = new QWidget(this);
    m_changedNotice->setObjectName(u"changedNotice"_s);
    auto *noticeLayout = new QHBoxLayout(m_changedNotice);
    noticeLayout->setContentsMargins(0, 0, 0, 0);
    m_changedText = newMessageLabel(m_changedNotice, MessageKind::Warning);
    noticeLayout->addWidget(m_changedText, 1);
    auto *reloadButton = new QPushButton(tr("Show the new version"), m_changedNotice);
    reloadButton->setObjectName(u"reloadChanged"_s);
    connect(reloadButton, &QPushButton::clicked, this, &ComplaintWindow::reload);
    noticeLayout->addWidget(reloadButton);
    m_changedNotice->setVisible(false);
    layout->addWidget(m_changedNotice);
    m_error = newMessageLabel(this, MessageKind::Failure);
    layout->addWidget(m_error);

    m_clocks = new QLabel(this);
    m_clocks->setObjectName(u"slaClocks"_s);
    m_clocks->setTextFormat(Qt::RichText);
    layout->addWidget(m_clocks);

    auto *actionRow = new QHBoxLayout;
    m_actions = new QHBoxLayout;
    actionRow->addLayout(m_actions);
    // Click to call: off unless this desk has an extension and an endpoint.
    if (const TelephonySettings phone = SettingsDialog::telephony(); phone.dials()) {
        m_dialer = new Dialer(phone, Dialer::DefaultTimeoutMs, this);
        connect(m_dialer, &Dialer::dialled, this,
                [this] { callEnded(tr("Call placed: pick up the handset."), false); });
        connect(m_dialer, &Dialer::failed, this,
                [this](const QString &message) { callEnded(message, true); });
        m_call = new QPushButton(tr("Call citizen"), this);
        m_call->setObjectName(u"callCitizen"_s);
        m_call->setToolTip(tr("Rings this desk's telephone, then connects it to the citizen."));
        connect(m_call, &QPushButton::clicked, this, &ComplaintWindow::callCitizen);
        actionRow->addWidget(m_call);
        m_callStatus = newMessageLabel(this);
        actionRow->addWidget(m_callStatus);
    }
    actionRow->addStretch(1);
    layout->addLayout(actionRow);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *detailsBox = new QGroupBox(tr("Complaint"), splitter);
    m_details = new QGridLayout(detailsBox);
    m_details->setColumnStretch(1, 1);
    m_details->setColumnStretch(3, 1);
    auto *historyBox = new QGroupBox(tr("History"), splitter);
    auto *historyLayout = new QVBoxLayout(historyBox);
    m_timeline = new QTreeWidget(historyBox);
    m_timeline->setObjectName(u"timeline"_s);
    m_timeline->setRootIsDecorated(false);
    m_timeline->setHeaderLabels({ tr("When"), tr("Who"), tr("What"), tr("Status"), tr("Details") });
    m_timeline->header()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_timeline->setWordWrap(true);
    historyLayout->addWidget(m_timeline);
    splitter->addWidget(detailsBox);
    splitter->addWidget(historyBox);
    layout->addWidget(splitter, 1);

    m_lockTimer = new QTimer(this);
    m_lockTimer->setInterval(60 * 1000); // well inside WorkflowService::LockMinutes
    connect(m_lockTimer, &QTimer::timeout, this, &ComplaintWindow::renewLock);
    m_lockTimer->start();

    m_clockTimer = new QTimer(this);
    m_clockTimer->setInterval(1000);
    connect(m_clockTimer, &QTimer::timeout, this, &ComplaintWindow::updateClocks);
    m_clockTimer->start();

    renewLock();
    reload();
}

void ComplaintWindow::updateClocks()
{
    if (!m_sla || m_complaint.id == 0) {
        m_clocks->clear();
        return;
    }
    const QLocale loc = locale();
    const SlaEngine::Clocks clocks = m_sla->clocks(m_complaint, m_clock.nowUtc());
    auto describe = [&](const QString &name, const SlaEngine::Clock &k) {
        QString state;
        QString colour = Palette::hex(Palette::Colour::Success);
        switch (k.state) {
        case SlaEngine::ClockState::Running:
            state = tr("running");
            break;
        case SlaEngine::ClockState::Met:
            state = tr("met");
            break;
        case SlaEngine::ClockState::Breached:
            state = tr("breached");
            colour = Palette::hex(Palette::Colour::Danger);
            break;
        case SlaEngine::ClockState::Paused:
            state = tr("paused");
            colour = Palette::hex(Palette::Colour::Muted);
            break;
        case SlaEngine::ClockState::Pending:
            return tr("<b>%1</b>: not started").arg(name);
        }
        return tr("<b>%1</b>: due %2 · <span style='color:%3;font-weight:bold'>%4</span> · %5")
            .arg(name, Jalali::formatDateTime(k.dueAt, loc), colour,
                 k.remainingSeconds ? Countdown::text(*k.remainingSeconds, loc) : QString(), state);
    };
    m_clocks->setText(describe(tr("Acknowledgement"), clocks.acknowledge)
                      + u"&nbsp;&nbsp;|&nbsp;&nbsp;"_s + describe(tr("Resolution"), clocks.resolve)
                      + u"&nbsp;&nbsp;|&nbsp;&nbsp;"_s
                      + describe(tr("Verification"), clocks.verify));
}

ComplaintWindow::~ComplaintWindow() = default;

void ComplaintWindow::renewLock()
{
    if (!Workflow::mayTakeSoftLock(m_user))
        return;
    (void)m_workflow->claim(m_code, m_user.name);
}

void ComplaintWindow::closeEvent(QCloseEvent *event)
{
    (void)m_workflow->release(m_code, m_user.name);
    QWidget::closeEvent(event);
}

void ComplaintWindow::reload()
{
    auto found = ComplaintRepository(*m_database).findByCode(m_code);
    if (!found) {
        showError(m_error, found.error());
        return;
    }
    m_error->setVisible(false);
    m_complaint = found.value();
    m_newerVersion = 0;
    m_changedNotice->setVisible(false);
    if (auto sla = m_database->slaConfig().get())
        m_sla = std::move(sla).value();
    showComplaint();
    updateClocks();
}

void ComplaintWindow::noticeChange(const Change &change)
{
    if (change.trackingCode != m_code || change.version <= m_complaint.version
        || change.version <= m_newerVersion)
        return; // this window's own action (reloaded already), or older news
    m_newerVersion = change.version;
    const QLocale loc = locale();
    const QString who = change.actor == u"system" ? tr("the system (SLA)") : change.actor;
    m_changedText->setText(
        tr("%1 changed this complaint (%2, %3): version %4 is shown, the newest is %5. "
           "Reload before acting.")
            .arg(who, EventTitles::eventTitle(change.type), Jalali::formatDateTime(change.at, loc),
                 loc.toString(m_complaint.version), loc.toString(change.version)));
    m_changedText->setVisible(true);
    m_changedNotice->setVisible(true);
}

void ComplaintWindow::showComplaint()
{
    const Complaint &c = m_complaint;
    const QLocale loc = locale();
    setWindowTitle(tr("Complaint %1").arg(PersianText::localizeDigits(c.trackingCode, loc)));
    m_header->setText(
        tr("<span style='font-size:18pt;font-weight:bold'>%1</span>&nbsp;&nbsp; %2 · version %3")
            .arg(PersianText::localizeDigits(c.trackingCode, loc), title(c.status),
                 loc.toString(c.version)));

    const bool lockedByOther =
        !c.lockedBy.isEmpty() && c.lockedBy != m_user.name && c.lockedUntil > m_clock.nowUtc();
    m_lockBanner->setVisible(lockedByOther);
    if (lockedByOther)
        m_lockBanner->setText(
            tr("%1 is working on this complaint (until %2). Coordinate before acting.")
                .arg(c.lockedBy, Jalali::formatDateTime(c.lockedUntil, loc)));

    // Details, two label/value pairs a row.
    while (QLayoutItem *item = m_details->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    auto name = [](const auto *item, const QString &code) {
        return item ? localizedName(*item) : code;
    };
    const QString none = tr("—");
    const std::pair<QString, QString> fields[] = {
        { tr("Received"), Jalali::formatDateTime(c.receivedAt, loc) },
        { tr("Due"), Jalali::formatDateTime(c.dueAt, loc) },
        { tr("Channel"), title(c.channel) },
        { tr("Priority"), title(c.priority) },
        { tr("Citizen"), c.citizen.name },
        { tr("Phone"),
          PersianText::localizeDigits(PhoneNumber::parse(c.citizen.phone)
                                          ? PhoneNumber::parse(c.citizen.phone)->national()
                                          : c.citizen.phone,
                                      loc) },
        { tr("National ID"),
          c.citizen.nationalId.isEmpty() ? none
                                         : PersianText::localizeDigits(c.citizen.nationalId, loc) },
        { tr("Identity"),
          c.citizen.shareIdentity ? tr("may be shared with the agency") : tr("confidential") },
        { tr("Province"), name(m_catalog.province(c.provinceCode), c.provinceCode) },
        { tr("Agency"), name(m_catalog.agency(c.agencyCode), c.agencyCode) },
        { tr("Category"), name(m_catalog.category(c.categoryCode), c.categoryCode) },
        { tr("Assigned to"), c.assignee.isEmpty() ? none : c.assignee },
        { tr("Inspector"), c.inspector.isEmpty() ? none : c.inspector },
        { tr("Escalation level"), loc.toString(c.escalationLevel) },
        { tr("Outcome"),
          c.closedUnverified ? tr("closed unverified (citizen unreachable)")
              : outcomeFromCode(c.outcome).has_value() ? title(*outcomeFromCode(c.outcome))
                                                       : none },
        { tr("Satisfaction"), c.satisfaction ? loc.toString(*c.satisfaction) : none },
        { tr("Merged into"),
          c.mergedInto.isEmpty() ? none : PersianText::localizeDigits(c.mergedInto, loc) },
        { tr("Duplicates merged here"),
          c.mergedFrom.isEmpty() ? none
                                 : PersianText::localizeDigits(c.mergedFrom.join(u"، "_s), loc) },
    };
    int i = 0;
    for (const auto &[label, value] : fields) {
        auto *l = new QLabel(label + u':', this);
        l->setObjectName(u"fieldHint"_s);
        auto *v = new QLabel(value, this);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->setWordWrap(true);
        m_details->addWidget(l, i / 2, (i % 2) * 2);
        m_details->addWidget(v, i / 2, (i % 2) * 2 + 1);
        ++i;
    }
    auto *descriptionLabel = new QLabel(tr("Description") + u':', this);
    descriptionLabel->setObjectName(u"fieldHint"_s);
    auto *description = new QLabel(c.description, this);
    description->setWordWrap(true);
    description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->addWidget(descriptionLabel, (i + 1) / 2, 0, Qt::AlignTop);
    m_details->addWidget(description, (i + 1) / 2, 1, 1, 3);

    m_timeline->clear();
    for (const HistoryEvent &e : c.history) {
        // The arrow points the way the text reads.
        const QString arrow = layoutDirection() == Qt::RightToLeft ? u" ← "_s : u" → "_s;
        const QString change = e.fromStatus.isEmpty() || e.fromStatus == e.toStatus
            ? statusTitle(e.toStatus)
            : statusTitle(e.fromStatus) + arrow + statusTitle(e.toStatus);
        auto *item =
            new QTreeWidgetItem(m_timeline,
                                { Jalali::formatDateTime(e.at, loc), e.actor,
                                  EventTitles::eventTitle(e.type), change, eventDetails(e, loc) });
        item->setData(0, Qt::UserRole, e.type);
    }
    m_timeline->resizeColumnToContents(0);
    m_timeline->resizeColumnToContents(2);
    m_timeline->resizeColumnToContents(3);
    m_timeline->scrollToBottom();

    // One button per action the core allows this user on this complaint now.
    while (QLayoutItem *item = m_actions->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (Action action : Workflow::allowedActions(m_user, c)) {
        auto *button = new QPushButton(title(action), this);
        button->setObjectName(u"action_"_s + code(action));
        connect(button, &QPushButton::clicked, this,
                [this, action] { openAction(action)->open(); });
        m_actions->addWidget(button);
    }
    updateCallButton();
}

void ComplaintWindow::updateCallButton()
{
    if (m_call)
        m_call->setEnabled(!m_dialer->isDialling()
                           && Workflow::mayCallCitizen(m_user, m_complaint));
}

void ComplaintWindow::callCitizen()
{
    showMessage(m_callStatus, tr("Dialling…"), false);
    m_dialer->dial(m_complaint.citizen.phone);
    updateCallButton();
}

void ComplaintWindow::callEnded(const QString &message, bool failed)
{
    showMessage(m_callStatus, message, failed);
    updateCallButton();
}

ActionDialog *ComplaintWindow::openAction(Action action)
{
    const auto listed = UserRepository(*m_database).list();
    const QList<User> users = listed.ok() ? listed.value() : QList<User>();
    auto *dialog = new ActionDialog(*m_workflow, m_complaint, action, m_user, users, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ActionDialog::conflicted, this, [this, dialog] {
        reload();
        dialog->setExpectedVersion(m_complaint.version);
    });
    connect(dialog, &QDialog::accepted, this, [this] {
        reload();
        renewLock();
        Q_EMIT changed(m_code);
    });
    return dialog;
}

} // namespace fouad::ui
