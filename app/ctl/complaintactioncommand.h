#pragma once

#include "ctl/command.h"
#include "services/workflowservice.h"

namespace fouad::ctl {

// complaint ACTION CODE --as USER [...]: one step of the lifecycle (refer,
// acknowledge, ... escalate) through WorkflowService; prints the complaint after.
class ComplaintActionCommand final : public DatabaseCommand<ActionRequest>
{
public:
    ComplaintActionCommand();

    // "complaint" followed by an action's code; leaves the action as the first argument.
    bool take(QStringList &words) const override;
    QString nextWordHint() const override;

protected:
    Result<ActionRequest> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const ActionRequest &request) const override;
};

} // namespace fouad::ctl
