#include "actiondialog.h"

#include "domain/persiantext.h"
#include "messagelabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

ActionDialog::ActionDialog(WorkflowService &workflow, const Complaint &complaint, Action action,
                           const User &actor, const QList<User> &users, QWidget *parent)
    : QDialog(parent)
    , m_workflow(workflow)
    , m_complaint(complaint)
    , m_action(action)
    , m_actor(actor)
    , m_expectVersion(complaint.version)
{
    setObjectName(u"actionDialog"_s);
    setWindowTitle(
        tr("%1 — complaint %2")
            .arg(title(action), PersianText::localizeDigits(complaint.trackingCode, locale())));
    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    layout->addLayout(m_form);

    switch (action) {
    case Action::Assign:
        m_user = addUserChoice(tr("Assign &to:"), users, &Workflow::takesAssignments);
        m_user->setCurrentIndex(m_user->findData(actor.name));
        // An operator takes complaints for themself; a supervisor hands them out.
        m_user->setEnabled(Workflow::mayAssignOthers(actor));
        break;
    case Action::Inspect:
        // The table's row for this user: sending an inspector, or recording findings.
        if (const auto *row = Workflow::transition(action, complaint.status, actor.role);
            row && row->needs(Workflow::Field::Inspector)) {
            m_user = addUserChoice(tr("&Inspector to send:"), users, &Workflow::inspects);
        } else {
            m_note = addText(tr("&Findings:"), u"note"_s);
        }
        break;
    case Action::Wait:
        m_reason = addText(tr("What the citizen is to &provide:"), u"reason"_s);
        break;
    case Action::Resolve:
        m_actionTaken = addText(tr("What the agency &did:"), u"actionTaken"_s);
        m_note = addText(tr("&Note (optional):"), u"note"_s);
        break;
    case Action::Verify:
        m_result_ = new QComboBox(this);
        m_result_->setObjectName(u"result"_s);
        m_result_->addItem(tr("Fixed: the citizen confirms"), code(VerifyResult::Confirmed));
        m_result_->addItem(tr("Not fixed"), code(VerifyResult::NotFixed));
        m_result_->addItem(tr("Citizen unreachable"), code(VerifyResult::Unreachable));
        m_form->addRow(tr("Call &result:"), m_result_);
        m_satisfaction = new QComboBox(this);
        m_satisfaction->setObjectName(u"satisfaction"_s);
        m_satisfaction->addItem(tr("not given"), QString());
        for (int i = 5; i >= 1; --i)
            m_satisfaction->addItem(locale().toString(i), QString::number(i));
        m_form->addRow(tr("&Satisfaction (1–5):"), m_satisfaction);
        connect(m_result_, &QComboBox::currentIndexChanged, this, [this] {
            const bool unreachable =
                m_result_->currentData().toString() == code(VerifyResult::Unreachable);
            m_satisfaction->setEnabled(!unreachable);
            if (unreachable)
                m_satisfaction->setCurrentIndex(0);
        });
        m_note = addText(tr("&Note (optional):"), u"note"_s);
        break;
    case Action::Close:
        m_outcome = new QComboBox(this);
        m_outcome->setObjectName(u"outcome"_s);
        for (Outcome o : { Outcome::Founded, Outcome::PartlyFounded, Outcome::Unfounded,
                           Outcome::OutsideJurisdiction })
            m_outcome->addItem(title(o), code(o));
        m_form->addRow(tr("&Outcome:"), m_outcome);
        m_note = addText(tr("&Note (optional):"), u"note"_s);
        break;
    case Action::Reopen:
        m_reason = addText(tr("Why it is &reopened:"), u"reason"_s);
        break;
    case Action::Reject:
        m_reason = addText(tr("Why it is outside the centre's &jurisdiction:"), u"reason"_s);
        break;
    case Action::Merge:
        m_into = new QLineEdit(this);
        m_into->setObjectName(u"into"_s);
        m_into->setLayoutDirection(Qt::LeftToRight);
        m_form->addRow(tr("Tracking code it &duplicates:"), m_into);
        break;
    case Action::Escalate:
        m_reason = addText(tr("Why it is &escalated:"), u"reason"_s);
        break;
    case Action::Refer:
    case Action::Acknowledge:
    case Action::Resume:
        m_note = addText(tr("&Note (optional):"), u"note"_s);
        break;
    }

    m_error = newMessageLabel(this);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(title(action));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"perform"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &ActionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

QPlainTextEdit *ActionDialog::addText(const QString &label, const QString &objectName)
{
    auto *edit = new QPlainTextEdit(this);
    edit->setObjectName(objectName);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(fontMetrics().lineSpacing() * 4);
    m_form->addRow(label, edit);
    return edit;
}

QComboBox *ActionDialog::addUserChoice(const QString &label, const QList<User> &users,
                                       bool (*eligible)(Role))
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(u"user"_s);
    for (const User &u : users) {
        if (eligible(u.role))
            combo->addItem(u.fullName.isEmpty() || u.fullName == u.name
                               ? u.name
                               : u.fullName + u" (" + u.name + u')',
                           u.name);
    }
    m_form->addRow(label, combo);
    return combo;
}

ActionRequest ActionDialog::request() const
{
    ActionRequest r;
    r.action = m_action;
    r.code = m_complaint.trackingCode;
    r.actor = m_actor.name;
    r.expectVersion = m_expectVersion;
    if (m_note)
        r.note = m_note->toPlainText();
    if (m_reason)
        r.reason = m_reason->toPlainText();
    if (m_actionTaken)
        r.actionTaken = m_actionTaken->toPlainText();
    if (m_user) {
        if (m_action == Action::Assign)
            r.to = m_user->currentData().toString();
        else
            r.inspector = m_user->currentData().toString();
    }
    if (m_result_)
        r.result = m_result_->currentData().toString();
    if (m_satisfaction)
        r.satisfaction = m_satisfaction->currentData().toString();
    if (m_outcome)
        r.outcome = m_outcome->currentData().toString();
    if (m_into)
        r.into = m_into->text();
    return r;
}

void ActionDialog::accept()
{
    auto done = m_workflow.perform(request());
    if (!done) {
        QString headline;
        if (done.error().kind == ErrorKind::Conflict) {
            // Keep what was typed; the window shows the new state, and OK again applies it to that.
            headline = u"%1 "_s
                + tr("The complaint has been reloaded. Check it, then press the button again "
                     "to apply your change to the new version.");
            Q_EMIT conflicted();
        }
        showError(m_error, done.error(), headline); // in words; the driver's text as a detail
        return;
    }
    QDialog::accept();
}

} // namespace fouad::ui
