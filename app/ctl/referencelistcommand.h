#pragma once

#include "ctl/command.h"

namespace fouad::ctl {

// province list, agency list: a reference list as text or JSON.
class ReferenceListCommand final : public DatabaseCommand<bool>
{
public:
    enum class List { Provinces, Agencies };
    explicit ReferenceListCommand(List list);

protected:
    Result<bool> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const bool &json) const override;

private:
    List m_list;
};

} // namespace fouad::ctl
