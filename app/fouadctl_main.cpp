// fouadctl: the admin CLI. All of it is in ctl/; this only sets up Qt.
#include "ctl/ctl.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

int main(int argc, char *argv[])
{
    QStringList words;
    for (int i = 0; i < argc; ++i)
        words << QString::fromLocal8Bit(argv[i]);
    // A PDF report paints text (fonts, shaping): a QGuiApplication, without a
    // display on a server or in cron.
    std::unique_ptr<QCoreApplication> app;
    if (fouad::ctl::needsGui(words)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("Fouad"));
    QCoreApplication::setApplicationName(QStringLiteral("fouad"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FOUAD_VERSION));

    QTextStream in(stdin);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return fouad::ctl::run(QCoreApplication::arguments(), in, out, err);
}
