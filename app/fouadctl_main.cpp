// fouadctl: the admin CLI. All of it is in ctl/; this only sets up Qt.
#include "ctl/ctl.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Fouad"));
    QCoreApplication::setApplicationName(QStringLiteral("fouad"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FOUAD_VERSION));

    QTextStream in(stdin);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return fouad::ctl::run(QCoreApplication::arguments(), in, out, err);
}
