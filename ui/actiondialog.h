#pragma once

#include "domain/complaint.h"
#include "domain/user.h"
#include "domain/workflow.h"
#include "services/workflowservice.h"

#include <QDialog>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace fouad::ui {

// Asks for what one action needs (a reason, the agency's fix, the call's
// result, ...) and performs it. A refusal or a conflict is shown in the dialog,
// which keeps everything typed.
class ActionDialog final : public QDialog
{
    Q_OBJECT

public:
    ActionDialog(WorkflowService &workflow, const Complaint &complaint, Action action,
                 const User &actor, const QList<User> &users, QWidget *parent = nullptr);

    Action action() const { return m_action; }
    // The request as filled in so far.
    ActionRequest request() const;
    // After a conflict: the version the user has now seen.
    void setExpectedVersion(int version) { m_expectVersion = version; }

    void accept() override;

Q_SIGNALS:
    // Someone else changed the complaint meanwhile: the caller should reload it.
    void conflicted();

private:
    QPlainTextEdit *addText(const QString &label, const QString &objectName);
    // The users the core deems eligible (Workflow::takesAssignments, Workflow::inspects).
    QComboBox *addUserChoice(const QString &label, const QList<User> &users,
                             bool (*eligible)(Role));

    WorkflowService &m_workflow;
    Complaint m_complaint;
    Action m_action;
    User m_actor;
    int m_expectVersion;

    QPlainTextEdit *m_note = nullptr;
    QPlainTextEdit *m_reason = nullptr;
    QPlainTextEdit *m_actionTaken = nullptr;
    QComboBox *m_user = nullptr; // assign, inspect
    QComboBox *m_result_ = nullptr; // verify
    QComboBox *m_satisfaction = nullptr;
    QComboBox *m_outcome = nullptr;
    QLineEdit *m_into = nullptr;
    QLabel *m_error = nullptr;
    QFormLayout *m_form = nullptr;
};

} // namespace fouad::ui
