// GoogleTest's main for widget tests: a QApplication on the offscreen platform
// (ctest sets QT_QPA_PLATFORM=offscreen), in Persian as operators use it.
#include "consoleapp.h"

#include <QApplication>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Settings, drafts and data never touch the user's own, nor another test
    // process's: ctest runs several at once, each under a home of its own.
    QTemporaryDir home;
    if (home.isValid())
        qputenv("HOME", QFile::encodeName(home.path()));
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FouadTest"));
    QApplication::setApplicationName(QStringLiteral("fouad-ui-tests"));
    fouad::ui::ConsoleApp::installLanguage(app, QStringLiteral("fa"));
    fouad::ui::ConsoleApp::installFontAndStyle(app);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
