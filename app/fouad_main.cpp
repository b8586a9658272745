// fouad: the console. Start-up lives in ui/consoleapp.cpp; this only makes the
// QApplication.
#include "consoleapp.h"

#include <QApplication>

#include <cstdio>
#include <cstring>

int main(int argc, char *argv[])
{
    // Answer --version without a display, as packaging and scripts expect.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("fouad %s\n", FOUAD_VERSION);
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Fouad"));
    QApplication::setApplicationName(QStringLiteral("fouad"));
    QApplication::setApplicationDisplayName(QStringLiteral("Fouad Console"));
    QApplication::setApplicationVersion(QStringLiteral(FOUAD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("ir.fouad.Console"));
    return fouad::ui::ConsoleApp::run(app);
}
