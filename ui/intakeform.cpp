#include "intakeform.h"

#include "agencypicker.h"
#include "domain/persiantext.h"
#include "domain/phonenumber.h"
#include "messagelabel.h"
#include "serialize/draftstore.h"
#include "services/intakeservice.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

IntakeForm::IntakeForm(IntakeService &intake, QWidget *parent)
    : QWidget(parent)
    , m_intake(intake)
    , m_validator(intake.catalog(), intake.clock())
{
    setObjectName(u"intakeForm"_s);
    m_draftTimer = new QTimer(this);
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(DraftDelayMs);
    connect(m_draftTimer, &QTimer::timeout, this, &IntakeForm::keepDraft);
    buildUi();
    fillChoices();
    startNew();
}

void IntakeForm::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    auto *title = new QLabel(tr("New complaint"), this);
    title->setObjectName(u"formTitle"_s);
    outer->addWidget(title);

    m_failure = newMessageLabel(this, MessageKind::Failure);
    outer->addWidget(m_failure);

    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    grid->setVerticalSpacing(2);
    outer->addLayout(grid);
    int row = 0;
    auto addRow = [&](const QString &label, QWidget *field, Field which) {
        auto *l = new QLabel(label, this);
        l->setBuddy(field);
        grid->addWidget(l, row, 0, Qt::AlignTop);
        grid->addWidget(field, row, 1);
        ++row;
        QLabel *error = newMessageLabel(this);
        m_errors.insert(which, error);
        grid->addWidget(error, row, 1);
        ++row;
    };

    m_channel = new QComboBox(this);
    m_channel->setObjectName(u"channel"_s);
    addRow(tr("&Channel"), m_channel, Field::Channel);

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"citizenName"_s);
    m_name->setMaxLength(IntakeValidator::MaxNameLength);
    addRow(tr("Citizen's &name"), m_name, Field::CitizenName);

    m_phone = new QLineEdit(this);
    m_phone->setObjectName(u"phone"_s);
    m_phone->setPlaceholderText(tr("09121234567 or 02188776655"));
    m_phone->setLayoutDirection(Qt::LeftToRight); // numbers read left to right
    addRow(tr("&Phone"), m_phone, Field::Phone);
    m_phoneHint = new QLabel(this);
    m_phoneHint->setObjectName(u"fieldHint"_s);
    m_phoneHint->setVisible(false);
    grid->addWidget(m_phoneHint, row++, 1);

    m_nationalId = new QLineEdit(this);
    m_nationalId->setObjectName(u"nationalId"_s);
    m_nationalId->setPlaceholderText(tr("optional"));
    m_nationalId->setLayoutDirection(Qt::LeftToRight);
    addRow(tr("National &ID"), m_nationalId, Field::NationalId);

    m_shareIdentity = new QCheckBox(tr("Agency may be told who complained"), this);
    m_shareIdentity->setToolTip(tr("Only with the citizen's consent: otherwise nothing sent to the "
                                   "agency names or numbers them."));
    m_shareIdentity->setObjectName(u"shareIdentity"_s);
    grid->addWidget(m_shareIdentity, row++, 1);

    m_province = new QComboBox(this);
    m_province->setObjectName(u"province"_s);
    addRow(tr("P&rovince"), m_province, Field::Province);

    m_agency = new AgencyPicker(this);
    m_agency->setObjectName(u"agency"_s);
    addRow(tr("&Agency"), m_agency, Field::Agency);

    m_duplicateWarning = newMessageLabel(this, MessageKind::Warning);
    grid->addWidget(m_duplicateWarning, row++, 1);

    // Where it happened, each optional: lists of the chosen province and agency.
    m_city = new AgencyPicker(this);
    m_city->setObjectName(u"city"_s);
    m_city->lineEdit()->setPlaceholderText(tr("optional: type part of the city's name"));
    addRow(tr("Ci&ty"), m_city, Field::City);

    m_office = new AgencyPicker(this);
    m_office->setObjectName(u"office"_s);
    m_office->lineEdit()->setPlaceholderText(tr("optional: type part of the office's name"));
    addRow(tr("O&ffice"), m_office, Field::Office);

    m_serviceDesk = new QLineEdit(this);
    m_serviceDesk->setObjectName(u"serviceDesk"_s);
    m_serviceDesk->setMaxLength(IntakeValidator::MaxServiceDeskLength);
    m_serviceDesk->setPlaceholderText(tr("optional: the service or desk the citizen names"));
    addRow(tr("Service or d&esk"), m_serviceDesk, Field::ServiceDesk);

    m_category = new QComboBox(this);
    m_category->setObjectName(u"category"_s);
    addRow(tr("Cate&gory"), m_category, Field::Category);

    m_priority = new QComboBox(this);
    m_priority->setObjectName(u"priority"_s);
    addRow(tr("Pri&ority"), m_priority, Field::Priority);

    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(u"description"_s);
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(
        tr("What happened, where and when (Enter registers, Shift+Enter starts a new line)"));
    m_description->setMinimumHeight(90);
    addRow(tr("&Description"), m_description, Field::Description);

    m_submit = new QPushButton(tr("&Register (Ctrl+Enter, or Enter in the description)"), this);
    m_submit->setObjectName(u"submit"_s);
    m_submit->setToolTip(tr("Enter in any other field accepts it and moves to the next one."));
    m_submit->setDefault(true);
    outer->addWidget(m_submit);

    m_resultPanel = new QWidget(this);
    m_resultPanel->setObjectName(u"resultPanel"_s);
    auto *result = new QGridLayout(m_resultPanel);
    auto *resultTitle =
        new QLabel(tr("Registered. Tracking code to read to the citizen:"), m_resultPanel);
    resultTitle->setWordWrap(true);
    result->addWidget(resultTitle, 0, 0, 1, 2);
    m_resultCode = new QLabel(m_resultPanel);
    m_resultCode->setObjectName(u"trackingCode"_s);
    m_resultCode->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resultCode->setAlignment(Qt::AlignCenter);
    result->addWidget(m_resultCode, 1, 0, 1, 2);
    m_copy = new QPushButton(tr("&Copy code"), m_resultPanel);
    m_copy->setObjectName(u"copyCode"_s);
    result->addWidget(m_copy, 2, 0);
    m_resultPanel->setVisible(false);
    // Right under the title: where the operator looks while reading the code out.
    outer->insertWidget(1, m_resultPanel);
    outer->addStretch(1);

    setTabOrder(m_channel, m_name);
    setTabOrder(m_name, m_phone);
    setTabOrder(m_phone, m_nationalId);
    setTabOrder(m_nationalId, m_shareIdentity);
    setTabOrder(m_shareIdentity, m_province);
    setTabOrder(m_province, m_agency);
    setTabOrder(m_agency, m_city);
    setTabOrder(m_city, m_office);
    setTabOrder(m_office, m_serviceDesk);
    setTabOrder(m_serviceDesk, m_category);
    setTabOrder(m_category, m_priority);
    setTabOrder(m_priority, m_description);
    setTabOrder(m_description, m_submit);

    const QList<QWidget *> inputs = { m_channel,       m_name,        m_phone,    m_nationalId,
                                      m_shareIdentity, m_province,    m_agency,   m_city,
                                      m_office,        m_serviceDesk, m_category, m_priority,
                                      m_description,   m_submit };
    for (QWidget *w : inputs)
        w->installEventFilter(this);
    // Long agency and category names must not widen the form past its panel.
    for (QComboBox *combo : { m_channel, m_province, static_cast<QComboBox *>(m_agency),
                              static_cast<QComboBox *>(m_city), static_cast<QComboBox *>(m_office),
                              m_category, m_priority }) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(16);
    }
    for (AgencyPicker *picker : { m_agency, m_city, m_office })
        picker->lineEdit()->installEventFilter(this); // the editable combo's keys land here

    // Check as the operator types; stay quiet about a field until it was touched.
    connect(m_name, &QLineEdit::textEdited, this, [this] { touch(Field::CitizenName); });
    connect(m_phone, &QLineEdit::textEdited, this, [this] {
        touch(Field::Phone);
        checkDuplicate();
    });
    connect(m_nationalId, &QLineEdit::textEdited, this, [this] { touch(Field::NationalId); });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_description->toPlainText().isEmpty())
            touch(Field::Description);
    });
    connect(m_agency, &AgencyPicker::choiceChanged, this, [this] {
        if (!m_agency->currentText().isEmpty())
            touch(Field::Agency);
        checkDuplicate();
        fillPlaces();
    });
    connect(m_province, &QComboBox::currentIndexChanged, this, &IntakeForm::fillPlaces);
    for (auto [picker, field] :
         { std::pair { m_city, Field::City }, std::pair { m_office, Field::Office } })
        connect(picker, &AgencyPicker::choiceChanged, this, [this, picker = picker, field = field] {
            if (!picker->currentText().isEmpty())
                touch(field);
            else
                recheck(field); // emptied (or its list changed): nothing to say
        });
    connect(m_serviceDesk, &QLineEdit::textEdited, this, [this] { touch(Field::ServiceDesk); });
    for (auto [combo, field] :
         { std::pair { m_channel, Field::Channel }, std::pair { m_province, Field::Province },
           std::pair { m_category, Field::Category }, std::pair { m_priority, Field::Priority } })
        connect(combo, &QComboBox::currentIndexChanged, this,
                [this, field = field] { touch(field); });

    connect(m_submit, &QPushButton::clicked, this, &IntakeForm::submit);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_lastCode); // Latin digits paste anywhere
    });
    // Ctrl+Enter registers from anywhere in the form (the fields' filter catches it
    // first where they would take the key themselves).
    for (const QKeySequence &keys :
         { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) }) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &IntakeForm::submit);
    }
    auto *newShortcut = new QShortcut(QKeySequence::New, this);
    connect(newShortcut, &QShortcut::activated, this, &IntakeForm::startNew);
}

void IntakeForm::fillChoices()
{
    for (Channel c : allChannels())
        m_channel->addItem(title(c), code(c));
    for (const Province &p : m_intake.catalog().provinces())
        m_province->addItem(localizedName(p), p.code);
    m_province->setCurrentIndex(-1); // chosen by the operator, or remembered from the last call
    m_province->setPlaceholderText(tr("Choose…"));
    m_category->setPlaceholderText(tr("Choose…"));
    m_agency->setAgencies(m_intake.catalog().agencies());
    for (const Category &c : m_intake.catalog().categories())
        m_category->addItem(localizedName(c), c.code);
    for (Priority p : allPriorities())
        m_priority->addItem(title(p), code(p));
}

void IntakeForm::fillPlaces()
{
    const ReferenceCatalog &catalog = m_intake.catalog();
    const QString province = m_province->currentData().toString();
    QList<AgencyPicker::Choice> cities;
    for (const City &c : catalog.citiesOf(province))
        cities.append({ c.code, localizedName(c), c.nameEn });
    m_city->setChoices(cities);
    QList<AgencyPicker::Choice> offices;
    for (const Office &o : catalog.officesOf(m_agency->currentCode(), province)) {
        const City *city = catalog.city(o.cityCode);
        offices.append({ o.code, o.name, city ? city->name : QString() });
    }
    m_office->setChoices(offices);
}

void IntakeForm::startNew()
{
    // Keep channel and province: an operator's calls mostly share them.
    m_name->clear();
    m_phone->clear();
    m_nationalId->clear();
    m_shareIdentity->setChecked(false);
    m_agency->clearChoice();
    m_city->clearChoice();
    m_office->clearChoice();
    m_serviceDesk->clear();
    m_category->setCurrentIndex(-1);
    m_priority->setCurrentIndex(m_priority->findData(code(Priority::Normal)));
    m_description->clear();
    if (m_province->currentIndex() < 0) {
        const QString last = QSettings().value(u"intake/province"_s).toString();
        m_province->setCurrentIndex(last.isEmpty() ? -1 : m_province->findData(last));
    }
    m_touched.clear();
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        it.value()->setVisible(false);
        setInvalidLook(fieldWidget(it.key()), false);
    }
    m_failure->setVisible(false);
    m_duplicateWarning->setVisible(false);
    m_phoneHint->clear();
    m_phoneHint->setVisible(false);
    m_clientKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_pendingSave = false;
    // Saved or discarded: nothing to offer back.
    m_draftTimer->stop();
    if (m_drafts)
        m_drafts->remove();
    focusFirstField();
}

void IntakeForm::keepDraft()
{
    if (m_drafts)
        (void)m_drafts->save(draft()); // best effort: a full disk must not stop the call
}

void IntakeForm::restoreDraft(const ComplaintDraft &d)
{
    auto choose = [](QComboBox *combo, const QString &code) {
        combo->setCurrentIndex(code.isEmpty() ? -1 : combo->findData(code));
    };
    choose(m_channel, d.channel);
    m_name->setText(d.citizenName);
    m_phone->setText(d.phone);
    m_nationalId->setText(d.nationalId);
    m_shareIdentity->setChecked(d.shareIdentity);
    choose(m_province, d.province);
    const int agency = m_agency->findData(d.agency, AgencyPicker::CodeRole);
    if (agency >= 0)
        m_agency->setCurrentIndex(agency);
    else
        m_agency->setEditText(d.agency);
    fillPlaces();
    for (auto [picker, code] : { std::pair { m_city, d.city }, std::pair { m_office, d.office } }) {
        const int row = picker->findData(code, AgencyPicker::CodeRole);
        if (row >= 0)
            picker->setCurrentIndex(row);
        else
            picker->setEditText(code);
    }
    m_serviceDesk->setText(d.serviceDesk);
    choose(m_category, d.category);
    choose(m_priority, d.priority);
    m_description->setPlainText(d.description);
    if (isValidClientKey(d.clientKey))
        m_clientKey = d.clientKey; // it may have been saved just before the crash
    keepDraft();
}

bool IntakeForm::isBlank() const
{
    const ComplaintDraft d = draft();
    return d.citizenName.trimmed().isEmpty() && d.phone.trimmed().isEmpty()
        && d.nationalId.trimmed().isEmpty() && d.agency.isEmpty() && d.category.isEmpty()
        && d.description.trimmed().isEmpty() && !d.shareIdentity;
}

void IntakeForm::fillPhone(const QString &phone)
{
    m_phone->setText(PersianText::localizeDigits(phone, locale()));
    touch(Field::Phone);
    checkDuplicate();
    m_name->setFocus();
}

void IntakeForm::focusFirstField()
{
    // The channel is usually line 128 already: the caller's name comes first.
    m_name->setFocus();
}

QString IntakeForm::fieldValue(Field field) const
{
    switch (field) {
    case Field::Channel:
        return m_channel->currentData().toString();
    case Field::CitizenName:
        return m_name->text();
    case Field::Phone:
        return m_phone->text();
    case Field::NationalId:
        return m_nationalId->text();
    case Field::Province:
        return m_province->currentData().toString();
    case Field::Agency:
        // Text that names no agency is an unknown agency, not a missing one.
        return m_agency->currentCode().isEmpty() && !m_agency->currentText().trimmed().isEmpty()
            ? m_agency->currentText()
            : m_agency->currentCode();
    case Field::Category:
        return m_category->currentData().toString();
    case Field::Priority:
        return m_priority->currentData().toString();
    case Field::Description:
        return m_description->toPlainText();
    case Field::City:
    case Field::Office: {
        // Text that names no item is an unknown code, not a missing one.
        const AgencyPicker *picker = field == Field::City ? m_city : m_office;
        return picker->currentCode().isEmpty() ? picker->currentText().trimmed()
                                               : picker->currentCode();
    }
    case Field::ServiceDesk:
        return m_serviceDesk->text();
    case Field::ReceivedAt:
        return {};
    }
    return {};
}

QWidget *IntakeForm::fieldWidget(Field field) const
{
    switch (field) {
    case Field::Channel:
        return m_channel;
    case Field::CitizenName:
        return m_name;
    case Field::Phone:
        return m_phone;
    case Field::NationalId:
        return m_nationalId;
    case Field::Province:
        return m_province;
    case Field::Agency:
        return m_agency;
    case Field::Category:
        return m_category;
    case Field::Priority:
        return m_priority;
    case Field::Description:
        return m_description;
    case Field::City:
        return m_city;
    case Field::Office:
        return m_office;
    case Field::ServiceDesk:
        return m_serviceDesk;
    case Field::ReceivedAt:
        return nullptr;
    }
    return nullptr;
}

ComplaintDraft IntakeForm::draft() const
{
    ComplaintDraft d;
    d.channel = fieldValue(Field::Channel);
    d.citizenName = fieldValue(Field::CitizenName);
    d.phone = fieldValue(Field::Phone);
    d.nationalId = fieldValue(Field::NationalId);
    d.shareIdentity = m_shareIdentity->isChecked();
    d.province = fieldValue(Field::Province);
    d.agency = fieldValue(Field::Agency);
    d.city = fieldValue(Field::City);
    d.office = fieldValue(Field::Office);
    d.serviceDesk = fieldValue(Field::ServiceDesk);
    d.category = fieldValue(Field::Category);
    d.priority = fieldValue(Field::Priority);
    d.description = fieldValue(Field::Description);
    d.clientKey = m_clientKey;
    return d;
}

void IntakeForm::setInvalidLook(QWidget *widget, bool invalid)
{
    if (!widget || widget->property("invalid").toBool() == invalid)
        return;
    widget->setProperty("invalid", invalid); // styled by fouad.qss
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

void IntakeForm::touch(Field field)
{
    m_touched.insert(field);
    m_draftTimer->start(); // kept a moment after the typing stops
    m_resultPanel->setVisible(false); // a new call has started
    recheck(field);
}

std::optional<Error> IntakeForm::fieldError(Field field) const
{
    if (auto error = m_validator.check(field, fieldValue(field)))
        return error;
    if (field != Field::City && field != Field::Office)
        return std::nullopt;
    // Does the place go with the province and agency chosen?
    auto error = m_validator.checkPlace(fieldValue(Field::Province), fieldValue(Field::Agency),
                                        fieldValue(Field::City), fieldValue(Field::Office));
    if (error && error->field == IntakeValidator::fieldName(field))
        return error;
    return std::nullopt;
}

void IntakeForm::recheck(Field field)
{
    QLabel *label = m_errors.value(field);
    if (!label)
        return;
    const auto error = fieldError(field);
    const bool show = error && m_touched.contains(field);
    label->setText(show ? error->message : QString());
    label->setVisible(show);
    setInvalidLook(fieldWidget(field), show);
    if (field == Field::Phone) {
        const auto phone = PhoneNumber::parse(m_phone->text());
        m_phoneHint->setText(
            phone ? (phone->isMobile() ? tr("Mobile: %1") : tr("Landline: %1"))
                        .arg(PersianText::localizeDigits(phone->national(), locale()))
                  : QString());
        m_phoneHint->setVisible(phone.has_value());
    }
}

bool IntakeForm::recheckAll()
{
    QWidget *firstBad = nullptr;
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        m_touched.insert(it.key());
    const Field order[] = { Field::Channel,    Field::CitizenName, Field::Phone,
                            Field::NationalId, Field::Province,    Field::Agency,
                            Field::City,       Field::Office,      Field::ServiceDesk,
                            Field::Category,   Field::Priority,    Field::Description };
    for (Field field : order) {
        recheck(field);
        if (!firstBad && fieldError(field))
            firstBad = fieldWidget(field);
    }
    if (firstBad)
        firstBad->setFocus();
    return !firstBad;
}

void IntakeForm::checkDuplicate()
{
    const QString agency = m_agency->currentCode();
    const auto recent = m_intake.recentFromSamePhone(m_phone->text(), agency);
    const qint64 n = recent.ok() ? recent.value() : 0;
    m_duplicateWarning->setVisible(n > 0);
    if (n > 0)
        m_duplicateWarning->setText(tr("Possible duplicate: this phone has %n complaint(s) about "
                                       "this agency in the last 24 hours.",
                                       nullptr, int(n)));
}

void IntakeForm::submit()
{
    m_failure->setVisible(false);
    if (!recheckAll())
        return;
    const auto result = m_intake.registerComplaint(draft(), m_actor);
    if (!result) {
        // Nothing typed is lost: the form stays as it is, and so does its key, so
        // a retry of a save that did reach the database makes no second complaint.
        showError(m_failure, result.error(), tr("Not registered: %1"));
        m_pendingSave = result.error().kind == ErrorKind::Runtime;
        Q_EMIT saveFailed();
        return;
    }
    QSettings().setValue(u"intake/province"_s, result->provinceCode);
    m_lastCode = result->trackingCode;
    m_resultCode->setText(PersianText::localizeDigits(m_lastCode, locale()));
    startNew();
    m_resultPanel->setVisible(true);
    Q_EMIT registered(m_lastCode);
}

void IntakeForm::resumePendingSave()
{
    if (m_pendingSave)
        submit();
}

bool IntakeForm::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter)
        return QWidget::eventFilter(watched, event);
    if (key->modifiers() & Qt::ControlModifier) {
        submit(); // Ctrl+Enter, from any field
        return true;
    }
    if (watched == m_description || watched == m_submit) {
        if (key->modifiers() & Qt::ShiftModifier)
            return false; // a new line in the description
        submit(); // the last field: the form is complete
        return true;
    }
    if (auto *combo = qobject_cast<QComboBox *>(watched); combo && combo->view()->isVisible())
        return false; // Enter picks the highlighted item
    for (AgencyPicker *picker : { m_agency, m_city, m_office }) {
        if (picker->completer() && picker->completer()->popup()->isVisible())
            return false;
    }
    // Any other field, a pick list above all: Enter accepts what it shows and
    // moves on, as Tab does. A half-filled form is never submitted by it.
    QObject *field = watched;
    for (AgencyPicker *picker : { m_agency, m_city, m_office }) {
        if (watched == picker->lineEdit())
            field = picker;
    }
    focusAfter(field);
    return true;
}

void IntakeForm::focusAfter(QObject *field)
{
    const QList<QWidget *> order = { m_channel,       m_name,        m_phone,    m_nationalId,
                                     m_shareIdentity, m_province,    m_agency,   m_city,
                                     m_office,        m_serviceDesk, m_category, m_priority,
                                     m_description };
    const qsizetype at = order.indexOf(qobject_cast<QWidget *>(field));
    if (at >= 0 && at + 1 < order.size())
        order.at(at + 1)->setFocus(Qt::TabFocusReason);
}

} // namespace fouad::ui
