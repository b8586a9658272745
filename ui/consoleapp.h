#pragma once

#include <QStringList>

class QApplication;

namespace fouad::ui {

// Starting the console: language and direction from the locale, the bundled
// font, the database (from --db, the settings or the default file), the
// first-start demo offer, and the --screenshot mode used by scripts/.
class ConsoleApp final
{
public:
    // Installs translations for `language` ("fa", "en") and sets the layout
    // direction from that locale. Tests call it too.
    static void installLanguage(QApplication &app, const QString &language);
    // Registers the bundled Vazirmatn font and makes it the application font.
    static void installFontAndStyle(QApplication &app);

    // The whole start-up; returns the process exit code.
    static int run(QApplication &app);
};

} // namespace fouad::ui
