#pragma once

#include "ctl/command.h"
#include "domain/referencedata.h"

namespace fouad::ctl {

struct NewOffice
{
    Office office;
    QString actor; // --as
};

// office add --code CODE --agency CODE --province CODE [--city CODE] --name TEXT
// [--as ADMIN]: through the AdministrationService; prints the office as JSON.
class OfficeAddCommand final : public DatabaseCommand<NewOffice>
{
public:
    OfficeAddCommand();

protected:
    Result<NewOffice> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const NewOffice &input) const override;
};

struct OfficeFilter
{
    QString agency;
    QString province;
    bool json = false;
};

// office list [--agency CODE] [--province CODE] [--json]: a JSON array of
// {code, agency, province, city, name}.
class OfficeListCommand final : public DatabaseCommand<OfficeFilter>
{
public:
    OfficeListCommand();

protected:
    Result<OfficeFilter> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const OfficeFilter &filter) const override;
};

struct OfficeRemoval
{
    QString code;
    QString actor;
};

// office remove CODE [--as ADMIN]: refused (exit 4) while a complaint names it.
class OfficeRemoveCommand final : public DatabaseCommand<OfficeRemoval>
{
public:
    OfficeRemoveCommand();

protected:
    Result<OfficeRemoval> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const OfficeRemoval &input) const override;
};

struct OfficeFile
{
    QByteArray csv;
    QString actor;
    bool json = false;
};

// office import FILE|- [--as ADMIN] [--json]: a UTF-8 CSV with the header
// code,agency,province,city,name; one bad row imports nothing (exit 2 naming
// its line and field).
class OfficeImportCommand final : public DatabaseCommand<OfficeFile>
{
public:
    OfficeImportCommand();

protected:
    Result<OfficeFile> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const OfficeFile &input) const override;
};

} // namespace fouad::ctl
