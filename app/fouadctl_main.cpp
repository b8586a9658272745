// fouadctl: the admin CLI. All of it is in ctl/; this only sets up Qt.
#include "ctl/ctl.h"

#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <memory>

int main(int argc, char *argv[])
{
    QStringList words;
    for (int i = 0; i < argc; ++i)
        words << QString::fromLocal8Bit(argv[i]);
    // A PDF report paints text (fonts, shaping): a QGuiApplication, without a
    // display on a server or in cron.
    std::unique_ptr<QCoreApplication> app;
    // cron and system services have no session folder: a private one of our own
    // for the run, instead of Qt's warning on every report.
    std::unique_ptr<QTemporaryDir> runtimeDir;
    if (fouad::ctl::needsGui(words)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            runtimeDir = std::make_unique<QTemporaryDir>();
            if (runtimeDir->isValid())
                qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir->path()));
        }
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
