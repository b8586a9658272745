<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>AdminChangeRepository</name>
    <message>
        <source>The configuration version is missing from the database.</source>
        <translation>نسخهٔ پیکربندی در پایگاه داده نیست.</translation>
    </message>
</context>
<context>
    <name>AdministrationService</name>
    <message numerus="yes">
        <source>A password has at least %Ln characters.</source>
        <translation><numerusform>گذرواژه دست‌کم %Ln نویسه دارد.</numerusform></translation>
    </message>
    <message>
        <source>%1 is not a user of this centre: only an administrator changes users and the centre's configuration.</source>
        <translation>%1 کاربر این مرکز نیست: کاربران و پیکربندی مرکز را تنها مدیر سامانه تغییر می‌دهد.</translation>
    </message>
    <message>
        <source>%1 is disabled: only an active administrator changes users and the centre's configuration.</source>
        <translation>حساب %1 غیرفعال است: کاربران و پیکربندی مرکز را تنها مدیر سامانهٔ فعال تغییر می‌دهد.</translation>
    </message>
    <message>
        <source>%1 is %2: only an administrator changes users and the centre's configuration.</source>
        <translation>%1 %2 است: کاربران و پیکربندی مرکز را تنها مدیر سامانه تغییر می‌دهد.</translation>
    </message>
    <message>
        <source>"system" names fouadctl and integrations in the history; choose another user name.</source>
        <translation>«system» در سوابق نام fouadctl و سامانه‌های متصل است؛ نام کاربری دیگری برگزینید.</translation>
    </message>
    <message>
        <source>This database already has users: an administrator adds new ones.</source>
        <translation>این پایگاه داده کاربر دارد: کاربر تازه را مدیر سامانه می‌افزاید.</translation>
    </message>
    <message>
        <source>%1 is the last active administrator: the centre keeps at least one.</source>
        <translation>%1 آخرین مدیر فعال سامانه است: مرکز دست‌کم یک مدیر فعال نگه می‌دارد.</translation>
    </message>
    <message>
        <source>No agency "%1" to be part of.</source>
        <translation>دستگاهی با کد «%1» نیست که این دستگاه زیرمجموعهٔ آن باشد.</translation>
    </message>
    <message>
        <source>No category "%1".</source>
        <translation>موضوعی با کد «%1» نیست.</translation>
    </message>
    <message>
        <source>No province "%1".</source>
        <translation>استانی با کد «%1» نیست.</translation>
    </message>
    <message>
        <source>No calendar "%1".</source>
        <translation>تقویمی با کد «%1» نیست.</translation>
    </message>
    <message>
        <source>%1/%2 is no day of the Jalali year.</source>
        <translation>%1/%2 روزی از سال خورشیدی نیست.</translation>
    </message>
    <message>
        <source>Name the holiday.</source>
        <translation>نام تعطیلی را بنویسید.</translation>
    </message>
    <message>
        <source>No channel "%1".</source>
        <translation>مجرایی با کد «%1» نیست.</translation>
    </message>
    <message>
        <source>Integration logins exist only on a shared PostgreSQL database; on SQLite an integration runs fouadctl itself.</source>
        <translation>حساب سامانهٔ متصل فقط در پایگاه دادهٔ مشترک PostgreSQL وجود دارد؛ در SQLite سامانهٔ متصل خودش fouadctl را اجرا می‌کند.</translation>
    </message>
    <message>
        <source>A contact has a name.</source>
        <translation>هر مخاطب نامی دارد.</translation>
    </message>
    <message>
        <source>The SMS gateway for citizens serves the whole centre: no agency.</source>
        <translation>درگاه پیامک شهروندان برای همهٔ مرکز است: دستگاهی برای آن تعیین نمی‌شود.</translation>
    </message>
    <message>
        <source>A contact of an agency names its agency.</source>
        <translation>مخاطبِ یک دستگاه باید دستگاهش را نام ببرد.</translation>
    </message>
    <message>
        <source>"%1" is not an Iranian phone number.</source>
        <translation>«%1» شمارهٔ تلفن ایرانی نیست.</translation>
    </message>
    <message>
        <source>A webhook is an http:// or https:// address.</source>
        <translation>نشانی وب‌هوک با http:// یا https:// آغاز می‌شود.</translation>
    </message>
    <message>
        <source>An office code is up to 64 lower-case Latin letters, digits, '_' and '-'.</source>
        <translation>کد اداره حداکثر ۶۴ نویسه از حروف کوچک لاتین، رقم، «_» و «-» است.</translation>
    </message>
    <message>
        <source>No agency "%1".</source>
        <translation>دستگاهی با کد «%1» نیست.</translation>
    </message>
    <message>
        <source>No city "%1".</source>
        <translation>شهری با کد «%1» نیست.</translation>
    </message>
    <message>
        <source>%1 is not a city of %2.</source>
        <translation>%1 از شهرهای %2 نیست.</translation>
    </message>
    <message>
        <source>An office has a name.</source>
        <translation>نام اداره را بنویسید.</translation>
    </message>
    <message>
        <source>An office's name is at most 200 characters.</source>
        <translation>نام اداره حداکثر ۲۰۰ نویسه است.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text.</source>
        <translation>پرونده متن UTF-8 نیست.</translation>
    </message>
    <message>
        <source>The first line is the header %1.</source>
        <translation>سطر نخست باید سرستون‌های %1 باشد.</translation>
    </message>
    <message>
        <source>A line has %1 fields: %2.</source>
        <translation>هر سطر %1 ستون دارد: %2.</translation>
    </message>
    <message>
        <source>The code "%1" is on line %2 too.</source>
        <translation>کد «%1» در سطر %2 هم آمده است.</translation>
    </message>
</context>
<context>
    <name>CalendarRepository</name>
    <message>
        <source>Office hours must start before they end, within the day.</source>
        <translation>ساعت اداری باید در همان روز و پیش از پایانش آغاز شود.</translation>
    </message>
    <message>
        <source>No holiday %1.</source>
        <translation>تعطیلی شمارهٔ %1 نیست.</translation>
    </message>
</context>
<context>
    <name>ComplaintRepository</name>
    <message>
        <source>No complaint has the tracking code %1.</source>
        <translation>هیچ شکایتی با کد رهگیری %1 ثبت نشده است.</translation>
    </message>
    <message>
        <source>Complaint %1 was changed by someone else meanwhile.</source>
        <translation>شکایت %1 در همین فاصله توسط کاربر دیگری تغییر کرد.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>باز کردن %1 ممکن نشد: %2</translation>
    </message>
    <message>
        <source>Cannot open the database (%1): %2</source>
        <translation>پایگاه داده (%1) باز نشد: %2</translation>
    </message>
    <message>
        <source>Cannot reach the database. Check the network or the database server, then try again.</source>
        <translation>ارتباط با پایگاه داده برقرار نیست. شبکه یا سرور پایگاه داده را بررسی کنید و دوباره تلاش کنید.</translation>
    </message>
    <message>
        <source>The database could not complete this. Try again; if it happens again, tell the administrator.</source>
        <translation>پایگاه داده نتوانست این کار را انجام دهد. دوباره تلاش کنید؛ اگر باز هم پیش آمد، به مدیر سامانه خبر دهید.</translation>
    </message>
    <message>
        <source>The database&apos;s schema is version %1 and this program needs version %2. Ask the administrator to run &quot;fouadctl init-db&quot; as the database&apos;s owner.</source>
        <translation>طرح‌وارهٔ پایگاه داده نسخهٔ %1 است و این برنامه نسخهٔ %2 را لازم دارد. از مدیر سامانه بخواهید «fouadctl init-db» را با حساب مالک پایگاه داده اجرا کند.</translation>
    </message>
    <message>
        <source>You are signed in to the database as %1: actions are recorded in that name, not as %2.</source>
        <translation>شما با نام %1 به پایگاه داده وارد شده‌اید: کارها به همین نام ثبت می‌شود، نه به نام %2.</translation>
    </message>
    <message>
        <source>The database does not let this login do that: it is not among its role's rights.</source>
        <translation>پایگاه داده اجازهٔ این کار را به این ورود نمی‌دهد: در اختیارات نقش آن نیست.</translation>
    </message>
    <message>
        <source>The server refused this login.</source>
        <translation>کارساز این ورود را نپذیرفت.</translation>
    </message>
    <message>
        <source>The database driver gives no PostgreSQL connection.</source>
        <translation>درایور پایگاه داده اتصال PostgreSQL به دست نمی‌دهد.</translation>
    </message>
    <message>
        <source>The password could not be prepared for the server.</source>
        <translation>گذرواژه برای فرستادن به کارساز آماده نشد.</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>چنین پرونده‌ای نیست</translation>
    </message>
</context>
<context>
    <name>DispatchRepository</name>
    <message>
        <source>The dispatcher's lease is missing.</source>
        <translation>ردیف نوبت ارسال‌کنندهٔ پیام‌ها در پایگاه داده نیست.</translation>
    </message>
    <message>
        <source>Only a supervisor or an administrator sends a failed notification again.</source>
        <translation>پیامی را که نرسیده است تنها سرپرست یا مدیر سامانه دوباره می‌فرستد.</translation>
    </message>
</context>
<context>
    <name>EventTitles</name>
    <message>
        <source>SLA deadline reached</source>
        <translation>سررسیدن مهلت رسیدگی</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>دستی</translation>
    </message>
    <message>
        <source>not fixed</source>
        <translation>رفع نشده</translation>
    </message>
    <message>
        <source>fixed, confirmed by the citizen</source>
        <translation>رفع شده، با تأیید شهروند</translation>
    </message>
    <message>
        <source>citizen unreachable</source>
        <translation>شهروند در دسترس نبود</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>ثبت‌شده</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>ارجاع به سطح بالاتر</translation>
    </message>
    <message>
        <source>Reminder sent</source>
        <translation>یادآوری ارسال شد</translation>
    </message>
    <message>
        <source>Notification attempt failed</source>
        <translation>تلاش برای رساندن پیام ناموفق بود</translation>
    </message>
    <message>
        <source>Notification delivered</source>
        <translation>پیام رسید</translation>
    </message>
    <message>
        <source>Notification failed</source>
        <translation>رساندن پیام شکست خورد</translation>
    </message>
    <message>
        <source>Notification sent again on request</source>
        <translation>پیام به درخواست کاربر دوباره فرستاده شد</translation>
    </message>
</context>
<context>
    <name>IntakeService</name>
    <message>
        <source>The client key is malformed.</source>
        <translation>کلید کارخواه نادرست است.</translation>
    </message>
    <message>
        <source>%1 is %2: only operators and supervisors register complaints.</source>
        <translation>%1 نقش «%2» دارد: فقط کارشناسان پاسخگو و سرپرستان شکایت ثبت می‌کنند.</translation>
    </message>
</context>
<context>
    <name>IntakeValidator</name>
    <message>
        <source>Choose the channel the complaint came in on.</source>
        <translation>کانال دریافت شکایت را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Unknown channel "%1"; expected one of: %2.</source>
        <translation>کانال «%1» شناخته نیست؛ یکی از این‌ها را انتخاب کنید: %2.</translation>
    </message>
    <message>
        <source>Enter the citizen's name.</source>
        <translation>نام شهروند را وارد کنید.</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters.</source>
        <translation>نام بیش از %1 نویسه است.</translation>
    </message>
    <message>
        <source>The name must contain letters.</source>
        <translation>نام باید حرف داشته باشد.</translation>
    </message>
    <message>
        <source>Enter a phone number to call the citizen back on.</source>
        <translation>شماره تلفنی برای تماس با شهروند وارد کنید.</translation>
    </message>
    <message>
        <source>Not a valid Iranian phone number: a mobile is 09 and 9 more digits, a landline 0, a two-digit area code and 8 digits.</source>
        <translation>شماره تلفن معتبر نیست: همراه با ۰۹ و ۹ رقم دیگر، و تلفن ثابت با ۰، پیش‌شماره دورقمی و ۸ رقم نوشته می‌شود.</translation>
    </message>
    <message>
        <source>Not a valid national ID: it has 10 digits and the last is a check digit.</source>
        <translation>کد ملی معتبر نیست: کد ملی ۱۰ رقم دارد و رقم آخر آن رقم کنترل است.</translation>
    </message>
    <message>
        <source>Choose the province.</source>
        <translation>استان را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Unknown province "%1".</source>
        <translation>استان «%1» شناخته نیست.</translation>
    </message>
    <message>
        <source>Choose the agency complained about.</source>
        <translation>دستگاهی را که از آن شکایت شده انتخاب کنید.</translation>
    </message>
    <message>
        <source>Unknown agency "%1".</source>
        <translation>دستگاه «%1» در فهرست نیست.</translation>
    </message>
    <message>
        <source>Choose the category.</source>
        <translation>موضوع شکایت را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Unknown category "%1".</source>
        <translation>موضوع «%1» شناخته نیست.</translation>
    </message>
    <message>
        <source>Choose the priority.</source>
        <translation>اولویت را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Unknown priority "%1"; expected one of: %2.</source>
        <translation>اولویت «%1» شناخته نیست؛ یکی از این‌ها را انتخاب کنید: %2.</translation>
    </message>
    <message>
        <source>Describe what happened.</source>
        <translation>شرح ماجرا را بنویسید.</translation>
    </message>
    <message>
        <source>The description is longer than %1 characters.</source>
        <translation>شرح شکایت بیش از %1 نویسه است.</translation>
    </message>
    <message>
        <source>Not an ISO 8601 time with an offset, such as 2026-11-22T11:00:00+03:30.</source>
        <translation>زمان باید به قالب ISO 8601 همراه با اختلاف ساعت باشد، مانند 2026-11-22T11:00:00+03:30.</translation>
    </message>
    <message>
        <source>The received time is not a valid time.</source>
        <translation>زمان دریافت معتبر نیست.</translation>
    </message>
    <message>
        <source>The received time is in the future.</source>
        <translation>زمان دریافت در آینده است.</translation>
    </message>
    <message>
        <source>Unknown city "%1".</source>
        <translation>شهر «%1» شناخته نیست.</translation>
    </message>
    <message>
        <source>Unknown office "%1".</source>
        <translation>اداره «%1» شناخته نیست.</translation>
    </message>
    <message>
        <source>The service or desk is longer than %1 characters.</source>
        <translation>خدمت یا باجه بیش از %1 نویسه است.</translation>
    </message>
    <message>
        <source>%1 is not a city of %2.</source>
        <translation>%1 از شهرهای %2 نیست.</translation>
    </message>
    <message>
        <source>%1 is not an office of the chosen agency in the chosen province.</source>
        <translation>%1 از ادارات دستگاه انتخاب‌شده در استان انتخاب‌شده نیست.</translation>
    </message>
    <message>
        <source>%1 is in %2, not in %3.</source>
        <translation>%1 در %2 است، نه در %3.</translation>
    </message>
</context>
<context>
    <name>ReferenceRepository</name>
    <message>
        <source>An agency code is lower-case Latin letters, digits and underscores.</source>
        <translation>کد دستگاه از حروف کوچک لاتین، رقم و زیرخط ساخته می‌شود.</translation>
    </message>
    <message>
        <source>Give the agency's Persian name.</source>
        <translation>نام فارسی دستگاه را بنویسید.</translation>
    </message>
    <message>
        <source>Give the category's Persian title.</source>
        <translation>عنوان فارسی موضوع را بنویسید.</translation>
    </message>
    <message>
        <source>No category "%1".</source>
        <translation>موضوعی با کد «%1» نیست.</translation>
    </message>
</context>
<context>
    <name>SlaRepository</name>
    <message>
        <source>A target is more than zero and at most 30 days.</source>
        <translation>هر مهلت بیش از صفر و حداکثر ۳۰ روز است.</translation>
    </message>
    <message>
        <source>The ladder's levels are 1, 2, 3… in order.</source>
        <translation>سطح‌های نردبان به ترتیب ۱، ۲، ۳… هستند.</translation>
    </message>
    <message>
        <source>Each level comes at a larger share of the resolution target than the one before, at most ten times it.</source>
        <translation>هر سطح در سهمی بزرگ‌تر از مهلت رفع نسبت به سطح پیشین می‌آید، دست‌بالا ده برابر آن.</translation>
    </message>
    <message>
        <source>Say whom each level notifies.</source>
        <translation>بنویسید هر سطح به چه کسی خبر می‌دهد.</translation>
    </message>
</context>
<context>
    <name>UserRepository</name>
    <message>
        <source>A user name is 2 to 32 lower-case Latin letters, digits, dots, dashes or underscores, starting with a letter.</source>
        <translation>نام کاربری ۲ تا ۳۲ نویسه از حروف کوچک لاتین، رقم، نقطه، خط تیره یا زیرخط است و با حرف شروع می‌شود.</translation>
    </message>
    <message>
        <source>A user named "%1" already exists.</source>
        <translation>کاربری با نام «%1» از قبل وجود دارد.</translation>
    </message>
    <message>
        <source>No user named "%1".</source>
        <translation>کاربری با نام «%1» وجود ندارد.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>نام کاربری یا گذرواژه نادرست است.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: the account is locked until %1.</source>
        <translation>گذرواژه چند بار نادرست وارد شد: حساب تا %1 قفل است.</translation>
    </message>
    <message>
        <source>The PostgreSQL server already has a login named "%1" (logins belong to the whole server): choose another user name.</source>
        <translation>کارساز PostgreSQL از پیش ورودی به نام «%1» دارد (ورودها از آنِ همهٔ کارساز است): نام کاربری دیگری برگزینید.</translation>
    </message>
    <message>
        <source>The database refused: only an administrator changes the logins of this centre's users.</source>
        <translation>پایگاه داده نپذیرفت: تنها مدیر سامانه ورودهای کاربران این مرکز را تغییر می‌دهد.</translation>
    </message>
</context>
<context>
    <name>WorkflowService</name>
    <message>
        <source>Invalid tracking code "%1": the check digit does not match.</source>
        <translation>کد رهگیری «%1» نامعتبر است: رقم کنترل آن درست نیست.</translation>
    </message>
    <message>
        <source>Only %1, the inspector sent to this office, records its findings.</source>
        <translation>فقط %1، بازرس اعزام‌شده به این اداره، یافته‌ها را ثبت می‌کند.</translation>
    </message>
    <message>
        <source>An operator assigns complaints only to themself; a supervisor assigns to others.</source>
        <translation>کارشناس پاسخگو شکایت را فقط به خودش واگذار می‌کند؛ واگذاری به دیگران با سرپرست است.</translation>
    </message>
    <message>
        <source>"%1" is not possible while the complaint is %2.</source>
        <translation>«%1» در وضعیت «%2» ممکن نیست.</translation>
    </message>
    <message>
        <source>Name the user to assign it to.</source>
        <translation>کاربری را که شکایت به او واگذار می‌شود مشخص کنید.</translation>
    </message>
    <message>
        <source>Complaints are assigned to operators and supervisors, not to %1.</source>
        <translation>شکایت به کارشناس پاسخگو یا سرپرست واگذار می‌شود، نه به %1.</translation>
    </message>
    <message>
        <source>Name the inspector to send.</source>
        <translation>بازرس اعزامی را مشخص کنید.</translation>
    </message>
    <message>
        <source>%1 is not an inspector.</source>
        <translation>%1 بازرس نیست.</translation>
    </message>
    <message>
        <source>Write the inspection's findings.</source>
        <translation>یافته‌های بازرسی را بنویسید.</translation>
    </message>
    <message>
        <source>Say what the citizen is to provide.</source>
        <translation>بنویسید شهروند چه چیزی باید ارائه کند.</translation>
    </message>
    <message>
        <source>Record what the agency did to fix it.</source>
        <translation>اقدام دستگاه برای رفع مشکل را ثبت کنید.</translation>
    </message>
    <message>
        <source>Give the call's result: %1.</source>
        <translation>نتیجه تماس را مشخص کنید: %1.</translation>
    </message>
    <message>
        <source>Satisfaction is a whole number from 1 to 5.</source>
        <translation>رضایت عددی صحیح از ۱ تا ۵ است.</translation>
    </message>
    <message>
        <source>Record the citizen's satisfaction (1 to 5).</source>
        <translation>میزان رضایت شهروند را (۱ تا ۵) ثبت کنید.</translation>
    </message>
    <message>
        <source>An unreachable citizen gave no satisfaction score.</source>
        <translation>شهروندی که در دسترس نبود امتیاز رضایت نداده است.</translation>
    </message>
    <message>
        <source>Give the outcome: %1.</source>
        <translation>نتیجه رسیدگی را مشخص کنید: %1.</translation>
    </message>
    <message>
        <source>Say why the complaint is reopened.</source>
        <translation>دلیل بازگشایی شکایت را بنویسید.</translation>
    </message>
    <message>
        <source>Say why it is outside the centre's jurisdiction.</source>
        <translation>بنویسید چرا خارج از صلاحیت مرکز است.</translation>
    </message>
    <message>
        <source>Give the tracking code this complaint duplicates.</source>
        <translation>کد رهگیری شکایتی را که این شکایت تکرار آن است وارد کنید.</translation>
    </message>
    <message>
        <source>Invalid tracking code "%1".</source>
        <translation>کد رهگیری «%1» نامعتبر است.</translation>
    </message>
    <message>
        <source>A complaint cannot be merged into itself.</source>
        <translation>شکایت را نمی‌توان در خودش ادغام کرد.</translation>
    </message>
    <message>
        <source>Complaint %1 is closed; merge into an open one.</source>
        <translation>شکایت %1 بسته شده است؛ در شکایتی باز ادغام کنید.</translation>
    </message>
    <message>
        <source>Say why it is escalated.</source>
        <translation>دلیل ارجاع به سطح بالاتر را بنویسید.</translation>
    </message>
    <message>
        <source>Complaint %1 is at version %2, not %3: %4 made "%5" at %6.</source>
        <translation>شکایت %1 در نسخه %2 است، نه %3: %4 در %6 «%5» را انجام داد.</translation>
    </message>
    <message>
        <source>%1 (%2) may not do this: %3.</source>
        <translation>%1 (%2) اجازه این کار را ندارد: %3.</translation>
    </message>
    <message>
        <source>%1 (%2) only looks at complaints and takes no lock on them.</source>
        <translation>%1 (%2) شکایت‌ها را فقط می‌بیند و آن‌ها را برای خود قفل نمی‌کند.</translation>
    </message>
</context>
<context>
    <name>fouad::Codes</name>
    <message>
        <source>Registered</source>
        <translation>ثبت‌شده</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>ارجاع‌شده</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>در دست اقدام</translation>
    </message>
    <message>
        <source>Field inspection</source>
        <translation>بازرسی میدانی</translation>
    </message>
    <message>
        <source>Waiting for citizen</source>
        <translation>در انتظار شهروند</translation>
    </message>
    <message>
        <source>Resolved by agency</source>
        <translation>رفع‌شده توسط دستگاه</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>تأییدشده</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>بسته‌شده</translation>
    </message>
    <message>
        <source>Line 128</source>
        <translation>خط ۱۲۸</translation>
    </message>
    <message>
        <source>Abroad line</source>
        <translation>خط ایرانیان خارج از کشور</translation>
    </message>
    <message>
        <source>Web portal</source>
        <translation>درگاه اینترنتی</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>مراجعه حضوری</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>نامه</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>فوری</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>عادی</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>کارشناس پاسخگو</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>بازرس</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>سرپرست</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>مدیر سامانه</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>سامانهٔ متصل</translation>
    </message>
    <message>
        <source>Refer to the agency</source>
        <translation>ارجاع به دستگاه</translation>
    </message>
    <message>
        <source>Agency acknowledged</source>
        <translation>اعلام وصول دستگاه</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>واگذاری</translation>
    </message>
    <message>
        <source>Wait for the citizen</source>
        <translation>انتظار برای شهروند</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>ازسرگیری</translation>
    </message>
    <message>
        <source>Agency resolved it</source>
        <translation>رفع توسط دستگاه</translation>
    </message>
    <message>
        <source>Verification call</source>
        <translation>تماس پیگیری</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>بازگشایی</translation>
    </message>
    <message>
        <source>Reject (outside jurisdiction)</source>
        <translation>رد (خارج از صلاحیت)</translation>
    </message>
    <message>
        <source>Merge into another complaint</source>
        <translation>ادغام در شکایت دیگر</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>ارجاع به سطح بالاتر</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>وارد</translation>
    </message>
    <message>
        <source>Partly founded</source>
        <translation>تا حدی وارد</translation>
    </message>
    <message>
        <source>Unfounded</source>
        <translation>غیروارد</translation>
    </message>
    <message>
        <source>Outside jurisdiction</source>
        <translation>خارج از صلاحیت</translation>
    </message>
    <message>
        <source>Complaints unit</source>
        <translation>واحد رسیدگی به شکایات</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>مدیر</translation>
    </message>
    <message>
        <source>Provincial manager</source>
        <translation>مدیر استانی</translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation>ستاد مرکزی</translation>
    </message>
    <message>
        <source>SMS gateway for citizens</source>
        <translation>درگاه پیامک شهروندان</translation>
    </message>
</context>
<context>
    <name>fouad::ComplaintQueueModel</name>
    <message>
        <source>Tracking code</source>
        <translation>کد رهگیری</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>زمان دریافت</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>دستگاه</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>مهلت</translation>
    </message>
    <message>
        <source>Open by</source>
        <translation>در دست</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>زمان باقی‌مانده</translation>
    </message>
</context>
<context>
    <name>fouad::DatabaseUrl</name>
    <message>
        <source>The SQLite URL names no file.</source>
        <translation>نشانی SQLite هیچ پرونده‌ای را نام نمی‌برد.</translation>
    </message>
    <message>
        <source>A PostgreSQL URL looks like postgresql://user:password@host:5432/database.</source>
        <translation>نشانی PostgreSQL این شکل را دارد: postgresql://user:password@host:5432/database</translation>
    </message>
    <message>
        <source>Unknown database URL "%1": use sqlite:PATH or postgresql://user@host:port/database.</source>
        <translation>نشانی پایگاه داده «%1» شناخته نیست: از sqlite:PATH یا postgresql://user@host:port/database استفاده کنید.</translation>
    </message>
    <message>
        <source>Unknown connection parameter &quot;%1&quot; in the PostgreSQL URL (known: sslmode, sslrootcert, sslcert, sslkey, sslcrl, connect_timeout).</source>
        <translation>پارامتر اتصال «%1» در نشانی PostgreSQL شناخته نیست (پارامترهای شناخته: sslmode، sslrootcert، sslcert، sslkey، sslcrl، connect_timeout).</translation>
    </message>
</context>
<context>
    <name>fouad::Dialer</name>
    <message>
        <source>Calling is not set up at this desk: enter its extension and the telephony endpoint in the settings.</source>
        <translation>تماس از این میز کار تنظیم نشده است: داخلی این میز و نشانی سامانهٔ تلفن را در تنظیمات وارد کنید.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Iranian phone number, so it cannot be dialled.</source>
        <translation>«%1» شمارهٔ تلفن ایرانی نیست و نمی‌توان آن را شماره‌گیری کرد.</translation>
    </message>
    <message>
        <source>A call is already being dialled; wait for its answer.</source>
        <translation>تماس دیگری در حال شماره‌گیری است؛ منتظر پاسخ آن بمانید.</translation>
    </message>
    <message>
        <source>The telephony endpoint answered HTTP %L1: the call was not placed.</source>
        <translation>سامانهٔ تلفن با کد HTTP %L1 پاسخ داد: تماس برقرار نشد.</translation>
    </message>
    <message>
        <source>The telephony endpoint did not answer within %1 seconds: the call may not have been placed.</source>
        <translation>سامانهٔ تلفن تا %1 ثانیه پاسخ نداد: شاید تماس برقرار نشده باشد.</translation>
    </message>
    <message>
        <source>The telephony endpoint refused the connection (is it running?): the call was not placed.</source>
        <translation>سامانهٔ تلفن اتصال را نپذیرفت (آیا روشن است؟): تماس برقرار نشد.</translation>
    </message>
    <message>
        <source>The telephony endpoint cannot be reached (%1): the call was not placed.</source>
        <translation>سامانهٔ تلفن در دسترس نیست (%1): تماس برقرار نشد.</translation>
    </message>
</context>
<context>
    <name>fouad::Holidays</name>
    <message>
        <source>Tasua</source>
        <translation>تاسوعای حسینی</translation>
    </message>
    <message>
        <source>Ashura</source>
        <translation>عاشورای حسینی</translation>
    </message>
    <message>
        <source>Arbaeen</source>
        <translation>اربعین حسینی</translation>
    </message>
    <message>
        <source>Demise of the Prophet and Imam Hasan</source>
        <translation>رحلت رسول اکرم و شهادت امام حسن مجتبی</translation>
    </message>
    <message>
        <source>Martyrdom of Imam Reza</source>
        <translation>شهادت امام رضا</translation>
    </message>
    <message>
        <source>Martyrdom of Imam Hasan Askari</source>
        <translation>شهادت امام حسن عسکری</translation>
    </message>
    <message>
        <source>Birth of the Prophet</source>
        <translation>میلاد رسول اکرم</translation>
    </message>
    <message>
        <source>Martyrdom of Fatima</source>
        <translation>شهادت حضرت فاطمه زهرا</translation>
    </message>
    <message>
        <source>Birth of Imam Ali</source>
        <translation>ولادت امام علی</translation>
    </message>
    <message>
        <source>Mab'ath</source>
        <translation>مبعث رسول اکرم</translation>
    </message>
    <message>
        <source>Birth of Imam Mahdi</source>
        <translation>ولادت حضرت قائم</translation>
    </message>
    <message>
        <source>Martyrdom of Imam Ali</source>
        <translation>شهادت امام علی</translation>
    </message>
    <message>
        <source>Eid al-Fitr</source>
        <translation>عید سعید فطر</translation>
    </message>
    <message>
        <source>Eid al-Fitr holiday</source>
        <translation>تعطیل به مناسبت عید فطر</translation>
    </message>
    <message>
        <source>Martyrdom of Imam Sadiq</source>
        <translation>شهادت امام جعفر صادق</translation>
    </message>
    <message>
        <source>Eid al-Adha</source>
        <translation>عید سعید قربان</translation>
    </message>
    <message>
        <source>Eid al-Ghadir</source>
        <translation>عید سعید غدیر خم</translation>
    </message>
    <message>
        <source>"%1" is not a Jalali date such as 1405/01/01.</source>
        <translation>«%1» تاریخ شمسی نیست؛ مانند ۱۴۰۵/۰۱/۰۱ بنویسید.</translation>
    </message>
    <message>
        <source>%1 is not a day of the Jalali calendar.</source>
        <translation>%1 روزی از تقویم شمسی نیست.</translation>
    </message>
</context>
<context>
    <name>fouad::ui::ActionDialog</name>
    <message>
        <source>%1 — complaint %2</source>
        <translation>%1 — شکایت %2</translation>
    </message>
    <message>
        <source>Assign &amp;to:</source>
        <translation>&amp;واگذاری به:</translation>
    </message>
    <message>
        <source>&amp;Inspector to send:</source>
        <translation>&amp;بازرس اعزامی:</translation>
    </message>
    <message>
        <source>&amp;Findings:</source>
        <translation>&amp;یافته‌ها:</translation>
    </message>
    <message>
        <source>What the citizen is to &amp;provide:</source>
        <translation>آنچه شهروند باید &amp;ارائه کند:</translation>
    </message>
    <message>
        <source>What the agency &amp;did:</source>
        <translation>&amp;اقدام دستگاه:</translation>
    </message>
    <message>
        <source>&amp;Note (optional):</source>
        <translation>&amp;یادداشت (اختیاری):</translation>
    </message>
    <message>
        <source>Fixed: the citizen confirms</source>
        <translation>رفع شده: شهروند تأیید می‌کند</translation>
    </message>
    <message>
        <source>Not fixed</source>
        <translation>رفع نشده</translation>
    </message>
    <message>
        <source>Citizen unreachable</source>
        <translation>شهروند در دسترس نیست</translation>
    </message>
    <message>
        <source>Call &amp;result:</source>
        <translation>&amp;نتیجه تماس:</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>اعلام نشد</translation>
    </message>
    <message>
        <source>&amp;Satisfaction (1–5):</source>
        <translation>&amp;رضایت (۱ تا ۵):</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;نتیجه رسیدگی:</translation>
    </message>
    <message>
        <source>Why it is &amp;reopened:</source>
        <translation>دلیل &amp;بازگشایی:</translation>
    </message>
    <message>
        <source>Why it is outside the centre's &amp;jurisdiction:</source>
        <translation>دلیل خارج بودن از &amp;صلاحیت مرکز:</translation>
    </message>
    <message>
        <source>Tracking code it &amp;duplicates:</source>
        <translation>کد رهگیری شکایت &amp;اصلی:</translation>
    </message>
    <message>
        <source>Why it is &amp;escalated:</source>
        <translation>دلیل &amp;ارجاع به سطح بالاتر:</translation>
    </message>
    <message>
        <source>The complaint has been reloaded. Check it, then press the button again to apply your change to the new version.</source>
        <translation>شکایت دوباره بارگذاری شد. آن را بررسی کنید و برای اعمال تغییر خود روی نسخه جدید، دوباره دکمه را بزنید.</translation>
    </message>
</context>
<context>
    <name>fouad::ui::AgencyPicker</name>
    <message>
        <source>Type part of the agency's name</source>
        <translation>بخشی از نام دستگاه را بنویسید</translation>
    </message>
</context>
<context>
    <name>fouad::ui::CalendarsDialog</name>
    <message>
        <source>Work calendars</source>
        <translation>تقویم‌های کاری</translation>
    </message>
    <message>
        <source>Calendar:</source>
        <translation>تقویم:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>&amp;Save office hours</source>
        <translation>&amp;ذخیره ساعت اداری</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>ساعت اداری</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>تأییدشده</translation>
    </message>
    <message>
        <source>name of the holiday</source>
        <translation>نام تعطیلی</translation>
    </message>
    <message>
        <source>every year</source>
        <translation>هر سال</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;افزودن</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>&amp;حذف ردیف انتخاب‌شده</translation>
    </message>
    <message>
        <source>&amp;Estimate lunar holidays…</source>
        <translation>&amp;برآورد تعطیلات قمری…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;ورود از CSV…</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>تعطیلات</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>تقویم</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>ذخیره شد.</translation>
    </message>
    <message>
        <source>Provinces</source>
        <translation>استان‌ها</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>حذف شد.</translation>
    </message>
    <message>
        <source>Lunar holidays</source>
        <translation>تعطیلات قمری</translation>
    </message>
    <message>
        <source>Jalali year:</source>
        <translation>سال شمسی:</translation>
    </message>
    <message>
        <source>Import holidays</source>
        <translation>ورود تعطیلات</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>پرونده‌های CSV (*.csv)</translation>
    </message>
    <message>
        <source>every %1/%2</source>
        <translation>هر سال %1/%2</translation>
    </message>
    <message>
        <source>Office hours saved.</source>
        <translation>ساعت اداری ذخیره شد.</translation>
    </message>
    <message>
        <source>Name the holiday.</source>
        <translation>نام تعطیلی را بنویسید.</translation>
    </message>
    <message>
        <source>Added.</source>
        <translation>افزوده شد.</translation>
    </message>
    <message numerus="yes">
        <source>%n estimated lunar holiday(s) added, unconfirmed: they count once confirmed.</source>
        <translation><numerusform>%n تعطیلی قمری برآوردی افزوده شد، تأییدنشده: پس از تأیید به حساب می‌آیند.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n holiday(s) imported.</source>
        <translation><numerusform>%n تعطیلی وارد شد.</numerusform></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>کانال</translation>
    </message>
    <message>
        <source>the province's calendar</source>
        <translation>تقویم استان</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>کانال‌ها</translation>
    </message>
</context>
<context>
    <name>fouad::ui::ComplaintWindow</name>
    <message>
        <source>Show the new version</source>
        <translation>نمایش نسخهٔ تازه</translation>
    </message>
    <message>
        <source>the system (SLA)</source>
        <translation>سامانه (مهلت رسیدگی)</translation>
    </message>
    <message>
        <source>%1 changed this complaint (%2, %3): version %4 is shown, the newest is %5. Reload before acting.</source>
        <translation>%1 این شکایت را تغییر داد (%2، %3): نسخهٔ %4 نمایش داده می‌شود و تازه‌ترین نسخه %5 است. پیش از هر اقدام، نسخهٔ تازه را ببینید.</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>شکایت</translation>
    </message>
    <message>
        <source>History</source>
        <translation>سابقه</translation>
    </message>
    <message>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <source>What</source>
        <translation>اقدام</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>جزئیات</translation>
    </message>
    <message>
        <source>Complaint %1</source>
        <translation>شکایت %1</translation>
    </message>
    <message>
        <source>&lt;span style='font-size:18pt;font-weight:bold'&gt;%1&lt;/span&gt;&amp;nbsp;&amp;nbsp; %2 · version %3</source>
        <translation>&lt;span style='font-size:18pt;font-weight:bold'&gt;%1&lt;/span&gt;&amp;nbsp;&amp;nbsp; %2 · نسخه %3</translation>
    </message>
    <message>
        <source>%1 is working on this complaint (until %2). Coordinate before acting.</source>
        <translation>%1 در حال رسیدگی به این شکایت است (تا %2). پیش از هر اقدام هماهنگ کنید.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>زمان دریافت</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>مهلت</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>کانال</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>شهروند</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>National ID</source>
        <translation>کد ملی</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>هویت</translation>
    </message>
    <message>
        <source>may be shared with the agency</source>
        <translation>قابل اعلام به دستگاه</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>محرمانه</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>دستگاه</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>واگذار به</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>بازرس</translation>
    </message>
    <message>
        <source>Escalation level</source>
        <translation>سطح ارجاع</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>نتیجه رسیدگی</translation>
    </message>
    <message>
        <source>closed unverified (citizen unreachable)</source>
        <translation>بسته‌شده بدون تأیید (شهروند در دسترس نبود)</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>رضایت</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>ادغام‌شده در</translation>
    </message>
    <message>
        <source>Duplicates merged here</source>
        <translation>شکایت‌های ادغام‌شده در این شکایت</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
    <message>
        <source>assigned to</source>
        <translation>واگذار به</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>بازرس</translation>
    </message>
    <message>
        <source>agency's action</source>
        <translation>اقدام دستگاه</translation>
    </message>
    <message>
        <source>call result</source>
        <translation>نتیجه تماس</translation>
    </message>
    <message>
        <source>satisfaction</source>
        <translation>رضایت</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>نتیجه رسیدگی</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <source>merged into</source>
        <translation>ادغام در</translation>
    </message>
    <message>
        <source>level</source>
        <translation>سطح</translation>
    </message>
    <message>
        <source>note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <source>running</source>
        <translation>در جریان</translation>
    </message>
    <message>
        <source>met</source>
        <translation>به‌موقع</translation>
    </message>
    <message>
        <source>breached</source>
        <translation>دیرکرد</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>متوقف</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: not started</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: آغاز نشده</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: due %2 · &lt;span style='color:%3;font-weight:bold'&gt;%4&lt;/span&gt; · %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: مهلت %2 · &lt;span style='color:%3;font-weight:bold'&gt;%4&lt;/span&gt; · %5</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>اعلام وصول</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>رفع مشکل</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>تماس پیگیری</translation>
    </message>
    <message>
        <source>sent to</source>
        <translation>ارسال به</translation>
    </message>
    <message>
        <source>Call citizen</source>
        <translation>تماس با شهروند</translation>
    </message>
    <message>
        <source>Rings this desk&apos;s telephone, then connects it to the citizen.</source>
        <translation>نخست تلفن این میز زنگ می‌زند، سپس به شهروند وصل می‌شود.</translation>
    </message>
    <message>
        <source>Dialling…</source>
        <translation>در حال شماره‌گیری…</translation>
    </message>
    <message>
        <source>Call placed: pick up the handset.</source>
        <translation>تماس برقرار شد؛ گوشی را بردارید</translation>
    </message>
</context>
<context>
    <name>fouad::ui::ConsoleApp</name>
    <message>
        <source>Demo data</source>
        <translation>داده‌های نمایشی</translation>
    </message>
    <message>
        <source>This database has no complaints yet. Load %1 realistic demo complaints to try the console? Do not do this on the centre's real database.</source>
        <translation>این پایگاه داده هنوز شکایتی ندارد. برای آشنایی با میز کار، %1 شکایت نمایشی بارگذاری شود؟ این کار را روی پایگاه داده واقعی مرکز انجام ندهید.</translation>
    </message>
    <message>
        <source>Loading demo complaints…</source>
        <translation>در حال بارگذاری شکایت‌های نمایشی…</translation>
    </message>
    <message>
        <source>No database</source>
        <translation>پایگاه داده در دسترس نیست</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>تنظیمات…</translation>
    </message>
    <message>
        <source>Cannot open the database %1. Check the address in the settings, or try again.</source>
        <translation>پایگاه داده %1 باز نشد. نشانی آن را در تنظیمات بررسی کنید یا دوباره تلاش کنید.</translation>
    </message>
</context>
<context>
    <name>fouad::ui::Countdown</name>
    <message>
        <source>%1 d %2</source>
        <translation>%1 روز %2</translation>
    </message>
</context>
<context>
    <name>fouad::ui::IntakeForm</name>
    <message>
        <source>New complaint</source>
        <translation>ثبت شکایت جدید</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;کانال دریافت</translation>
    </message>
    <message>
        <source>Citizen's &amp;name</source>
        <translation>&amp;نام شهروند</translation>
    </message>
    <message>
        <source>09121234567 or 02188776655</source>
        <translation>۰۹۱۲۱۲۳۴۵۶۷ یا ۰۲۱۸۸۷۷۶۶۵۵</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;تلفن</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>اختیاری</translation>
    </message>
    <message>
        <source>National &amp;ID</source>
        <translation>کد &amp;ملی</translation>
    </message>
    <message>
        <source>P&amp;rovince</source>
        <translation>&amp;استان</translation>
    </message>
    <message>
        <source>&amp;Agency</source>
        <translation>&amp;دستگاه</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>&amp;موضوع</translation>
    </message>
    <message>
        <source>Pri&amp;ority</source>
        <translation>ا&amp;ولویت</translation>
    </message>
    <message>
        <source>What happened, where and when (Enter registers, Shift+Enter starts a new line)</source>
        <translation>چه اتفاقی، کجا و کی افتاد (Enter ثبت می‌کند، Shift+Enter سطر جدید)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;شرح شکایت</translation>
    </message>
    <message>
        <source>&amp;Register (Ctrl+Enter, or Enter in the description)</source>
        <translation>&amp;ثبت شکایت (Ctrl+Enter، یا Enter در شرح شکایت)</translation>
    </message>
    <message>
        <source>Registered. Tracking code to read to the citizen:</source>
        <translation>ثبت شد. کد رهگیری را برای شهروند بخوانید:</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>&amp;رونوشت کد</translation>
    </message>
    <message>
        <source>Mobile: %1</source>
        <translation>تلفن همراه: %1</translation>
    </message>
    <message>
        <source>Landline: %1</source>
        <translation>تلفن ثابت: %1</translation>
    </message>
    <message numerus="yes">
        <source>Possible duplicate: this phone has %n complaint(s) about this agency in the last 24 hours.</source>
        <translation><numerusform>احتمال تکرار: از این شماره در ۲۴ ساعت گذشته %n شکایت دیگر درباره همین دستگاه ثبت شده است.</numerusform></translation>
    </message>
    <message>
        <source>Not registered: %1</source>
        <translation>ثبت نشد: %1</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب کنید…</translation>
    </message>
    <message>
        <source>Agency may be told who complained</source>
        <translation>هویت شاکی به دستگاه اعلام شود</translation>
    </message>
    <message>
        <source>Only with the citizen's consent: otherwise nothing sent to the agency names or numbers them.</source>
        <translation>فقط با رضایت شهروند؛ در غیر این صورت نام و شماره او در هیچ چیزی که به دستگاه فرستاده می‌شود نمی‌آید.</translation>
    </message>
    <message>
        <source>Enter in any other field accepts it and moves to the next one.</source>
        <translation>Enter در هر خانه دیگر آن را می‌پذیرد و به خانه بعدی می‌رود.</translation>
    </message>
    <message>
        <source>optional: type part of the city's name</source>
        <translation>اختیاری: بخشی از نام شهر را بنویسید</translation>
    </message>
    <message>
        <source>Ci&amp;ty</source>
        <translation>ش&amp;هر</translation>
    </message>
    <message>
        <source>optional: type part of the office's name</source>
        <translation>اختیاری: بخشی از نام اداره را بنویسید</translation>
    </message>
    <message>
        <source>O&amp;ffice</source>
        <translation>اداره (شع&amp;به)</translation>
    </message>
    <message>
        <source>optional: the service or desk the citizen names</source>
        <translation>اختیاری: خدمت یا باجه‌ای که شهروند نام می‌برد</translation>
    </message>
    <message>
        <source>Service or d&amp;esk</source>
        <translation>&amp;خدمت یا باجه</translation>
    </message>
</context>
<context>
    <name>fouad::ui::LoginDialog</name>
    <message>
        <source>First administrator</source>
        <translation>نخستین مدیر سامانه</translation>
    </message>
    <message>
        <source>Sign in to Fouad Console</source>
        <translation>ورود به میز کار فوریت‌های اداری</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the first administrator, who will then add operators, supervisors and inspectors.</source>
        <translation>این پایگاه داده هنوز کاربری ندارد. نخستین مدیر سامانه را بسازید تا کارشناسان، سرپرستان و بازرسان را اضافه کند.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;نام کاربری:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;نام و نام خانوادگی:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;گذرواژه:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;تکرار گذرواژه:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>ساختن</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>دو گذرواژه یکسان نیستند.</translation>
    </message>
    <message>
        <source>Sign in with your own login on the centre's database server (%1). An administrator creates logins.</source>
        <translation>با ورود خودتان در کارساز پایگاه دادهٔ مرکز (%1) وارد شوید. ورودها را مدیر سامانه می‌سازد.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>در حال اتصال به %1…</translation>
    </message>
    <message>
        <source>You may try again.</source>
        <translation>اکنون می‌توانید دوباره بکوشید.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln wrong attempts in a row. Try again in %1 seconds.</source>
        <translation><numerusform>%Ln تلاش نادرست پیاپی. %1 ثانیهٔ دیگر دوباره بکوشید.</numerusform></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>تنظیمات…</translation>
    </message>
</context>
<context>
    <name>fouad::ui::MainWindow</name>
    <message>
        <source>The number is in the intake form.</source>
        <translation>شماره در فرم ثبت گذاشته شد.</translation>
    </message>
    <message>
        <source>Extension %1</source>
        <translation>داخلی %1</translation>
    </message>
    <message>
        <source>No earlier complaint from this number; it is in the intake form.</source>
        <translation>از این شماره شکایت پیشینی نیست؛ شماره در فرم ثبت گذاشته شد.</translation>
    </message>
    <message>
        <source>The number is in the intake form for a new complaint.</source>
        <translation>شماره برای شکایتی تازه در فرم ثبت گذاشته شد.</translation>
    </message>
    <message>
        <source>The intake form holds another complaint being typed: the number was not put in.</source>
        <translation>در فرم ثبت شکایت دیگری در حال نوشتن است: شماره در آن گذاشته نشد.</translation>
    </message>
    <message>
        <source>A complaint was being typed when the console last closed. Restore it?</source>
        <translation>هنگام بسته شدن پیشین کنسول، شکایتی در حال نوشتن بود. بازگردانده شود؟</translation>
    </message>
    <message>
        <source>Re&amp;store</source>
        <translation>&amp;بازگرداندن</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;دور انداختن</translation>
    </message>
    <message numerus="yes">
        <source>The database cannot be reached. Everything on screen and everything typed is kept; trying again in %n second(s)…</source>
        <translation><numerusform>به پایگاه داده دسترسی نیست. هرچه روی صفحه است و هرچه نوشته‌اید نگه داشته می‌شود؛ %n ثانیهٔ دیگر دوباره تلاش می‌شود…</numerusform></translation>
    </message>
    <message>
        <source>The database is back.</source>
        <translation>پایگاه داده دوباره در دسترس است.</translation>
    </message>
    <message>
        <source>Messages are not being sent: %1</source>
        <translation>پیام‌ها فرستاده نمی‌شوند: %1</translation>
    </message>
    <message>
        <source>They wait in the outbox; the console keeps trying and sends them once it can.</source>
        <translation>پیام‌ها در صف ارسال می‌مانند؛ میز کار پیوسته دوباره تلاش می‌کند و به محض امکان آن‌ها را می‌فرستد.</translation>
    </message>
    <message>
        <source>Fouad Console — administrative emergencies 128</source>
        <translation>میز کار فوریت‌های اداری ۱۲۸</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>پایگاه داده: %1</translation>
    </message>
    <message>
        <source>Complaint %1 registered.</source>
        <translation>شکایت %1 ثبت شد.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <source>&amp;New complaint</source>
        <translation>&amp;شکایت جدید</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;تنظیمات…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <source>&amp;Refresh queue</source>
        <translation>&amp;تازه‌سازی صف</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <source>&amp;About Fouad Console</source>
        <translation>&amp;درباره میز کار فوریت‌های اداری</translation>
    </message>
    <message>
        <source>About Fouad Console</source>
        <translation>درباره میز کار فوریت‌های اداری</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Fouad Console&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Registering, referring and following up complaints to the administrative-emergencies line 128.&lt;/p&gt;&lt;p&gt;Interface font: Vazirmatn, under the SIL Open Font License 1.1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;میز کار فوریت‌های اداری&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;ثبت، ارجاع و پیگیری شکایت‌های رسیده به خط ۱۲۸ فوریت‌های اداری.&lt;/p&gt;&lt;p&gt;قلم رابط کاربری: وزیرمتن، با پروانه SIL Open Font License 1.1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Restart the console?</source>
        <translation>میز کار دوباره راه‌اندازی شود؟</translation>
    </message>
    <message>
        <source>The new settings apply after a restart. Restart now?</source>
        <translation>تنظیمات تازه پس از راه‌اندازی دوباره اعمال می‌شود. همین حالا دوباره راه‌اندازی شود؟</translation>
    </message>
    <message>
        <source>The console could not be restarted: please close and open it again.</source>
        <translation>راه‌اندازی دوباره ممکن نشد: لطفاً میز کار را ببندید و دوباره باز کنید.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>وارد نشده</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>کاربر: %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;مدیریت</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;کاربران…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;باز کردن</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>&amp;واگذاری به…</translation>
    </message>
    <message>
        <source>&amp;Wallboard (full screen)</source>
        <translation>&amp;تابلوی مرکز (تمام‌صفحه)</translation>
    </message>
    <message>
        <source>Work &amp;calendars…</source>
        <translation>&amp;تقویم‌های کاری…</translation>
    </message>
    <message>
        <source>Close to breach</source>
        <translation>نزدیک به پایان مهلت</translation>
    </message>
    <message>
        <source>Complaint %1 is due at %2.</source>
        <translation>مهلت شکایت %1 در %2 به پایان می‌رسد.</translation>
    </message>
    <message>
        <source>&amp;Agencies and categories…</source>
        <translation>&amp;دستگاه‌ها و موضوع‌ها…</translation>
    </message>
    <message>
        <source>C&amp;ontacts…</source>
        <translation>&amp;مخاطبان…</translation>
    </message>
    <message>
        <source>&amp;Undelivered messages…</source>
        <translation>&amp;پیام‌های نرسیده…</translation>
    </message>
    <message>
        <source>Re&amp;ports</source>
        <translation>&amp;گزارش‌ها</translation>
    </message>
    <message>
        <source>The dashboard and the reports read from %1.</source>
        <translation>داشبورد و گزارش‌ها از %1 می‌خوانند.</translation>
    </message>
</context>
<context>
    <name>fouad::ui::MessageLabel</name>
    <message>
        <source>Someone else has changed this complaint meanwhile. Look at it again, then repeat your change.</source>
        <translation>این شکایت را کس دیگری تغییر داده است. دوباره آن را ببینید و سپس تغییر خود را تکرار کنید.</translation>
    </message>
</context>
<context>
    <name>fouad::ui::QueueItemDelegate</name>
    <message>
        <source>paused</source>
        <translation>متوقف</translation>
    </message>
</context>
<context>
    <name>fouad::ui::QueueView</name>
    <message>
        <source>Search: tracking code, phone or name</source>
        <translation>جستجو: کد رهگیری، تلفن یا نام</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;وضعیت:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>The queue could not be loaded: %1</source>
        <translation>صف بارگذاری نشد: %1</translation>
    </message>
    <message>
        <source>All complaints</source>
        <translation>همه شکایت‌ها</translation>
    </message>
    <message>
        <source>My queue</source>
        <translation>صف من</translation>
    </message>
    <message>
        <source>Verification calls</source>
        <translation>تماس‌های پیگیری</translation>
    </message>
</context>
<context>
    <name>fouad::ui::ReferenceDataDialog</name>
    <message>
        <source>Agencies and categories</source>
        <translation>دستگاه‌ها و موضوع‌ها</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>نام انگلیسی</translation>
    </message>
    <message>
        <source>code, e.g. land_registry</source>
        <translation>کد، مانند land_registry</translation>
    </message>
    <message>
        <source>Persian name</source>
        <translation>نام فارسی</translation>
    </message>
    <message>
        <source>&amp;Add or rename</source>
        <translation>&amp;افزودن یا تغییر نام</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>دستگاه‌ها</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>English title</source>
        <translation>عنوان انگلیسی</translation>
    </message>
    <message>
        <source>Acknowledge (h)</source>
        <translation>اعلام وصول (ساعت)</translation>
    </message>
    <message>
        <source>working</source>
        <translation>ساعت کاری</translation>
    </message>
    <message>
        <source>Resolve (h)</source>
        <translation>رفع (ساعت)</translation>
    </message>
    <message>
        <source>Verify (h)</source>
        <translation>تماس پیگیری (ساعت)</translation>
    </message>
    <message>
        <source>&amp;Save categories and targets</source>
        <translation>&amp;ذخیره موضوع‌ها و مهلت‌ها</translation>
    </message>
    <message>
        <source>Categories and SLA targets</source>
        <translation>موضوع‌ها و مهلت‌ها</translation>
    </message>
    <message>
        <source>Saved; the intake form lists it after the next start.</source>
        <translation>ذخیره شد؛ فرم ثبت از اجرای بعد آن را نشان می‌دهد.</translation>
    </message>
    <message>
        <source>Saved. New targets apply to due times computed from now on.</source>
        <translation>ذخیره شد. مهلت‌های تازه برای محاسبه‌های از این پس به کار می‌رود.</translation>
    </message>
</context>
<context>
    <name>fouad::ui::ReportsPage</name>
    <message>
        <source>Management report</source>
        <translation>گزارش مدیریتی</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;از:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;تا:</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>همه استان‌ها</translation>
    </message>
    <message>
        <source>Pro&amp;vince:</source>
        <translation>ا&amp;ستان:</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>همه دستگاه‌ها</translation>
    </message>
    <message>
        <source>&amp;Agency:</source>
        <translation>&amp;دستگاه:</translation>
    </message>
    <message>
        <source>PDF (figures, charts and scorecards)</source>
        <translation>PDF (شاخص‌ها، نمودارها و کارنامه‌ها)</translation>
    </message>
    <message>
        <source>Excel (figures, scorecards and every complaint)</source>
        <translation>اکسل (شاخص‌ها، کارنامه‌ها و همهٔ شکایت‌ها)</translation>
    </message>
    <message>
        <source>CSV (every complaint)</source>
        <translation>CSV (همهٔ شکایت‌ها)</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>&amp;قالب:</translation>
    </message>
    <message>
        <source>Include &amp;personal data (names, phone numbers, national IDs)</source>
        <translation>با اطلاعات &amp;شخصی (نام، شمارهٔ تلفن، کد ملی)</translation>
    </message>
    <message>
        <source>Without it, phone numbers are masked and names and national IDs left out.</source>
        <translation>بدون آن، شماره‌های تلفن پوشانده می‌شوند و نام و کد ملی در گزارش نمی‌آیند.</translation>
    </message>
    <message>
        <source>Only supervisors and administrators may include personal data.</source>
        <translation>فقط سرپرستان و مدیران سامانه می‌توانند اطلاعات شخصی را در گزارش بیاورند.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>ا&amp;نتخاب…</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>&amp;ذخیره در:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;خروجی گرفتن</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>&amp;لغو خروجی</translation>
    </message>
    <message>
        <source>Print previe&amp;w…</source>
        <translation>&amp;پیش‌نمایش چاپ…</translation>
    </message>
    <message>
        <source>The PDF report's pages, to read or print</source>
        <translation>صفحه‌های گزارش PDF، برای خواندن یا چاپ</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>سندهای PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>کارپوشه‌های اکسل (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>پرونده‌های CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>ذخیرهٔ گزارش با نام</translation>
    </message>
    <message>
        <source>Give the period's first day (From), as 1405/09/01.</source>
        <translation>نخستین روز دوره («از») را بنویسید، مانند ۱۴۰۵/۰۹/۰۱.</translation>
    </message>
    <message>
        <source>Give the period's last day (To), as 1405/09/30.</source>
        <translation>واپسین روز دوره («تا») را بنویسید، مانند ۱۴۰۵/۰۹/۳۰.</translation>
    </message>
    <message>
        <source>The period's first day (From) is after its last day (To).</source>
        <translation>نخستین روز دوره («از») پس از واپسین روز آن («تا») است.</translation>
    </message>
    <message>
        <source>Choose the file to save the report in (Save as).</source>
        <translation>پرونده‌ای را که گزارش در آن ذخیره شود انتخاب کنید («ذخیره در»).</translation>
    </message>
    <message>
        <source>%1 is a folder: give the file's name too (Save as).</source>
        <translation>%1 یک پوشه است: نام پرونده را هم بنویسید («ذخیره در»).</translation>
    </message>
    <message>
        <source>The folder %1 does not exist (Save as).</source>
        <translation>پوشهٔ %1 وجود ندارد («ذخیره در»).</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to (Save as).</source>
        <translation>در پوشهٔ %1 نمی‌توان نوشت («ذخیره در»).</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>در حال لغو…</translation>
    </message>
    <message>
        <source>The province chosen is not in the centre's list.</source>
        <translation>استان انتخاب‌شده در فهرست مرکز نیست.</translation>
    </message>
    <message>
        <source>The agency chosen is not in the centre's list.</source>
        <translation>دستگاه انتخاب‌شده در فهرست مرکز نیست.</translation>
    </message>
    <message>
        <source>The file %1 could not be written; nothing was saved.</source>
        <translation>پروندهٔ %1 نوشته نشد؛ چیزی ذخیره نشد.</translation>
    </message>
    <message>
        <source>The report was not made: %1</source>
        <translation>گزارش تهیه نشد: %1</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>خروجی لغو شد؛ هیچ پرونده‌ای نوشته نشد.</translation>
    </message>
    <message>
        <source>The report was saved in %1: %2 pages on %3 complaints.</source>
        <translation>گزارش در %1 ذخیره شد: %2 صفحه دربارهٔ %3 شکایت.</translation>
    </message>
    <message>
        <source>The report was saved in %1: %2 complaints.</source>
        <translation>گزارش در %1 ذخیره شد: %2 شکایت.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>در حال آماده کردن پیش‌نمایش…</translation>
    </message>
    <message>
        <source>Print preview of the report</source>
        <translation>پیش‌نمایش چاپ گزارش</translation>
    </message>
</context>
<context>
    <name>fouad::ui::SettingsDialog</name>
    <message>
        <source>This desk&apos;s telephone extension: calls ringing it show the caller&apos;s complaints here. Empty: no screen pop.</source>
        <translation>داخلی تلفن این میز: تماس‌هایی که به آن زنگ می‌زنند، شکایت‌های تماس‌گیرنده را همین‌جا نشان می‌دهند. خالی: بی‌نمایش تماس.</translation>
    </message>
    <message>
        <source>&amp;Extension:</source>
        <translation>&amp;داخلی:</translation>
    </message>
    <message>
        <source>The centre&apos;s telephony endpoint (http:// or https://) that dials a citizen from this extension. Empty: no click to call.</source>
        <translation>نشانی سامانهٔ تلفن مرکز (http:// یا https://) که از این داخلی با شهروند تماس می‌گیرد. خالی: بی‌تماس با یک کلیک.</translation>
    </message>
    <message>
        <source>&amp;Telephony endpoint:</source>
        <translation>&amp;سامانهٔ تلفن:</translation>
    </message>
    <message>
        <source>Language and databases take effect when the console restarts; it offers to restart now. The telephone applies at once.</source>
        <translation>زبان و پایگاه‌های داده پس از راه‌اندازی دوبارهٔ میز کار اعمال می‌شوند؛ میز کار پیشنهاد می‌کند همین حالا دوباره راه‌اندازی شود. تنظیم تلفن بی‌درنگ اعمال می‌شود.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;زبان:</translation>
    </message>
    <message>
        <source>sqlite:PATH for a file on this computer, or postgresql://user:password@host:5432/database for the centre's shared database</source>
        <translation>sqlite:PATH برای پرونده‌ای روی همین رایانه، یا postgresql://user:password@host:5432/database برای پایگاه داده مشترک مرکز</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;پایگاه داده:</translation>
    </message>
    <message>
        <source>empty: the database above</source>
        <translation>خالی: همان پایگاه دادهٔ بالا</translation>
    </message>
    <message>
        <source>Optional: a read-only copy of the database, such as a PostgreSQL streaming replica, that the dashboard and the reports read from. Without a password in it you sign in to it as to the main database.</source>
        <translation>اختیاری: رونوشتی فقط‌خواندنی از پایگاه داده، مانند رونوشت جریانی (streaming replica) پستگرس، که داشبورد و گزارش‌ها از آن می‌خوانند. اگر گذرواژه‌ای در آن نباشد، با همان نام و گذرواژهٔ پایگاه دادهٔ اصلی به آن وارد می‌شوید.</translation>
    </message>
    <message>
        <source>&amp;Reports database:</source>
        <translation>پایگاه دادهٔ &amp;گزارش‌ها:</translation>
    </message>
    <message>
        <source>Reports database: %1</source>
        <translation>پایگاه دادهٔ گزارش‌ها: %1</translation>
    </message>
</context>
<context>
    <name>fouad::ui::SlaSweeper</name>
    <message>
        <source>Escalation check failed: %1</source>
        <translation>بررسی خودکار ارجاع‌ها انجام نشد: %1</translation>
    </message>
</context>
<context>
    <name>fouad::ui::UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>کاربران</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>نام و نام خانوادگی</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>افزودن کاربر</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;نام کاربری:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;نام و نام خانوادگی:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;نقش:</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>دست‌کم %1 نویسه</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;گذرواژه:</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>&amp;افزودن کاربر</translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation>%1 افزوده شد.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>حساب</translation>
    </message>
    <message>
        <source>Selected user</source>
        <translation>کاربر انتخاب‌شده</translation>
    </message>
    <message>
        <source>Change &amp;role</source>
        <translation>تغییر &amp;نقش</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;غیرفعال کردن</translation>
    </message>
    <message>
        <source>new password</source>
        <translation>گذرواژهٔ تازه</translation>
    </message>
    <message>
        <source>Set &amp;password</source>
        <translation>تعیین &amp;گذرواژه</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;فعال کردن</translation>
    </message>
    <message>
        <source>active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>غیرفعال</translation>
    </message>
    <message>
        <source>Select a user in the table first.</source>
        <translation>نخست کاربری را در جدول انتخاب کنید.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 اکنون %2 است.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 دوباره می‌تواند وارد شود.</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 دیگر نمی‌تواند وارد شود.</translation>
    </message>
    <message>
        <source>%1 signs in with the new password from now on.</source>
        <translation>%1 از این پس با گذرواژهٔ تازه وارد می‌شود.</translation>
    </message>
</context>
<context>
    <name>fouad::ui::Wallboard</name>
    <message>
        <source>Wallboard</source>
        <translation>تابلوی مرکز</translation>
    </message>
    <message>
        <source>Administrative emergencies 128 — live</source>
        <translation>فوریت‌های اداری ۱۲۸ — زنده</translation>
    </message>
    <message>
        <source>open</source>
        <translation>باز</translation>
    </message>
    <message>
        <source>near breach</source>
        <translation>نزدیک به پایان مهلت</translation>
    </message>
    <message>
        <source>breached</source>
        <translation>دیرکرد</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>زمان باقی‌مانده</translation>
    </message>
    <message>
        <source>Tracking code</source>
        <translation>کد رهگیری</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>دستگاه</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>average resolution today (target %1)</source>
        <translation>میانگین رفع امروز (هدف %1)</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>%1 owns the database: its login is for "fouadctl init-db" and for adding users. Sign in with your own login.</source>
        <translation>«%1» مالک پایگاه داده است: این ورود برای «fouadctl init-db» و افزودن کاربران است. با ورود خودتان وارد شوید.</translation>
    </message>
    <message>
        <source>%1 is a login on the database server but no user of this centre. An administrator adds users with "fouadctl user add" or the Users window.</source>
        <translation>«%1» در کارساز پایگاه داده ورود دارد، اما کاربر این مرکز نیست. مدیر سامانه کاربران را با «fouadctl user add» یا پنجرهٔ کاربران می‌افزاید.</translation>
    </message>
</context>
<context>
    <name>ContactRepository</name>
    <message>
        <source>No agency "%1".</source>
        <translation>دستگاهی با کد «%1» نیست.</translation>
    </message>
    <message>
        <source>No province "%1".</source>
        <translation>استانی با کد «%1» نیست.</translation>
    </message>
    <message>
        <source>No contact %1.</source>
        <translation>مخاطب %1 وجود ندارد.</translation>
    </message>
</context>
<context>
    <name>fouad::ui::ContactsDialog</name>
    <message>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <source>A referral and escalation level 1 reach the agency's complaints unit and manager; level 2 also the provincial manager and the supervisor; level 3 also headquarters. The SMS gateway sends citizens their tracking code and the outcome.</source>
        <translation>ارجاع و پیگیری سطح ۱ به واحد رسیدگی به شکایات و مدیر دستگاه می‌رسد؛ سطح ۲ به مدیر استانی و ناظر نیز؛ سطح ۳ به ستاد مرکزی نیز. درگاه پیامک، کد رهگیری و نتیجه را برای شهروندان می‌فرستد.</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>دستگاه</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>وب‌هوک</translation>
    </message>
    <message>
        <source>&amp;Remove the selected contact</source>
        <translation>&amp;حذف مخاطب برگزیده</translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>افزودن مخاطب</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;نقش:</translation>
    </message>
    <message>
        <source>&amp;Agency:</source>
        <translation>&amp;دستگاه:</translation>
    </message>
    <message>
        <source>every province</source>
        <translation>همهٔ استان‌ها</translation>
    </message>
    <message>
        <source>&amp;Province:</source>
        <translation>&amp;استان:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;نام:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;تلفن:</translation>
    </message>
    <message>
        <source>&amp;Webhook:</source>
        <translation>&amp;وب‌هوک:</translation>
    </message>
    <message>
        <source>A&amp;dd contact</source>
        <translation>&amp;افزودن مخاطب</translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation>%1 افزوده شد.</translation>
    </message>
    <message>
        <source>Select a contact in the table first.</source>
        <translation>نخست مخاطبی را در جدول برگزینید.</translation>
    </message>
    <message>
        <source>%1 removed.</source>
        <translation>%1 حذف شد.</translation>
    </message>
</context>
<context>
    <name>NotificationService</name>
    <message>
        <source>%1 is %2: only supervisors and administrators send a failed message again.</source>
        <translation>%1 %2 است: تنها ناظران و مدیران سامانه پیام ناموفق را دوباره می‌فرستند.</translation>
    </message>
    <message>
        <source>This message is no longer among the failed ones: someone sent it again already.</source>
        <translation>این پیام دیگر در میان پیام‌های ناموفق نیست: کسی پیش‌تر آن را دوباره فرستاده است.</translation>
    </message>
</context>
<context>
    <name>fouad::ui::FailedNotificationsDialog</name>
    <message>
        <source>Undelivered messages</source>
        <translation>پیام‌های نرسیده</translation>
    </message>
    <message>
        <source>The recipient's system refused these messages, so they are not retried by themselves. Fix the contact's address if it is wrong, then send the message again.</source>
        <translation>سامانهٔ گیرنده این پیام‌ها را نپذیرفت و از این رو خودبه‌خود دوباره فرستاده نمی‌شوند. اگر نشانی مخاطب نادرست است آن را درست کنید، سپس پیام را دوباره بفرستید.</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>شکایت</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>گیرنده</translation>
    </message>
    <message>
        <source>Failed at</source>
        <translation>زمان ناکامی</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>تلاش‌ها</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>علت</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>&amp;ارسال دوباره</translation>
    </message>
    <message>
        <source>Select a message in the table first.</source>
        <translation>نخست پیامی را در جدول برگزینید.</translation>
    </message>
    <message>
        <source>The message will be sent again within a few seconds.</source>
        <translation>پیام تا چند ثانیهٔ دیگر دوباره فرستاده می‌شود.</translation>
    </message>
</context>
<context>
    <name>CallService</name>
    <message>
        <source>An extension is 1 to 32 letters, digits, dots, dashes or underscores; got &quot;%1&quot;.</source>
        <translation>داخلی از ۱ تا ۳۲ حرف لاتین، رقم، نقطه، خط تیره یا زیرخط است؛ «%1» داده شد.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Iranian phone number.</source>
        <translation>«%1» شمارهٔ تلفن ایرانی نیست.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tracking code (its check digit is wrong, or it is too short).</source>
        <translation>«%1» کد رهگیری نیست (رقم کنترلش نادرست است یا کوتاه است).</translation>
    </message>
</context>
<context>
    <name>TelephonySettings</name>
    <message>
        <source>An extension is 1 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation>داخلی از ۱ تا ۳۲ حرف لاتین، رقم، نقطه، خط تیره یا زیرخط است.</translation>
    </message>
    <message>
        <source>The telephony endpoint is an http:// or https:// address.</source>
        <translation>نشانی سامانهٔ تلفن یک نشانی http:// یا https:// است.</translation>
    </message>
</context>
<context>
    <name>fouad::ui::IncomingCallPanel</name>
    <message>
        <source>&amp;Number into the form</source>
        <translation>&amp;شماره در فرم ثبت</translation>
    </message>
    <message>
        <source>Puts the caller&apos;s number into the intake form for a new complaint</source>
        <translation>شمارهٔ تماس‌گیرنده را برای شکایتی تازه در فرم ثبت می‌گذارد</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;باز کردن</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Tracking code</source>
        <translation>کد رهگیری</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>زمان ثبت</translation>
    </message>
    <message>
        <source>Call from %1 on extension %2 at %3</source>
        <translation>تماس از %1 روی داخلی %2، ساعت %3</translation>
    </message>
    <message>
        <source>No earlier complaint from this number.</source>
        <translation>از این شماره شکایت پیشینی نیست.</translation>
    </message>
</context>
<context>
    <name>OfficeRepository</name>
    <message>
        <source>There is already an office "%1".</source>
        <translation>اداره‌ای با کد «%1» از پیش هست.</translation>
    </message>
    <message>
        <source>No office "%1".</source>
        <translation>اداره‌ای با کد «%1» نیست.</translation>
    </message>
    <message>
        <source>Complaints name the office "%1": it stays.</source>
        <translation>شکایت‌هایی به اداره «%1» اشاره دارند؛ این اداره حذف نمی‌شود.</translation>
    </message>
</context>
<context>
    <name>Scorecard</name>
    <message>
        <source>Score (0–100) = 40 × SLA compliance + 20 × (1 − founded share) + 20 × (average satisfaction − 1) / 4 + 20 × (1 − reopen rate). A component that is undefined in the period drops out and the remaining weights are scaled to 100. No complaints: no score and no rank.</source>
        <translation>امتیاز (۰ تا ۱۰۰) = ۴۰ × سهم رسیدگی در مهلت + ۲۰ × (۱ − سهم شکایت‌های وارد) + ۲۰ × (میانگین رضایت − ۱) ÷ ۴ + ۲۰ × (۱ − نرخ بازگشایی). جزئی که در این دوره تعریف‌نشده است کنار می‌رود و وزن‌های دیگر به نسبت تا ۱۰۰ بزرگ می‌شوند. بی‌شکایت: بی‌امتیاز و بی‌رتبه.</translation>
    </message>
</context>
<context>
    <name>fouad::ui::GuideDialog</name>
    <message>
        <source>Operator&apos;s guide</source>
        <translation>راهنمای کاربر</translation>
    </message>
    <message>
        <source>Administrator&apos;s guide</source>
        <translation>راهنمای مدیر سامانه</translation>
    </message>
    <message>
        <source>The guide was not found. It is installed with the console in share/fouad/docs; in a source tree it is in docs/.</source>
        <translation>راهنما پیدا نشد. این راهنما همراه میز کار در share/fouad/docs نصب می‌شود و در کد منبع در پوشهٔ docs/ است.</translation>
    </message>
</context>
<context>
    <name>fouad::ui::MainWindow</name>
    <message>
        <source>&amp;Operator&apos;s guide</source>
        <translation>راهنمای &amp;کاربر</translation>
    </message>
    <message>
        <source>A&amp;dministrator&apos;s guide</source>
        <translation>راهنمای &amp;مدیر سامانه</translation>
    </message>
</context>
<context>
    <name>fouad::ui::DashboardView</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>نمودارها</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>کارنامه</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;از:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;تا:</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>همه استان‌ها</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>همه دستگاه‌ها</translation>
    </message>
    <message>
        <source>All offices</source>
        <translation>همه اداره‌ها</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>همه موضوع‌ها</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>همه مجراها</translation>
    </message>
    <message>
        <source>&amp;Province:</source>
        <translation>&amp;استان:</translation>
    </message>
    <message>
        <source>&amp;Agency:</source>
        <translation>&amp;دستگاه:</translation>
    </message>
    <message>
        <source>O&amp;ffice:</source>
        <translation>ا&amp;داره:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;موضوع:</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;مجرا:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;به‌روزرسانی</translation>
    </message>
    <message>
        <source>complaints registered</source>
        <translation>شکایت ثبت‌شده</translation>
    </message>
    <message>
        <source>open now</source>
        <translation>باز اکنون</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>رسیدگی‌شده</translation>
    </message>
    <message>
        <source>resolved within target</source>
        <translation>رسیدگی در مهلت</translation>
    </message>
    <message>
        <source>average resolution</source>
        <translation>میانگین زمان رسیدگی</translation>
    </message>
    <message>
        <source>median resolution</source>
        <translation>میانه زمان رسیدگی</translation>
    </message>
    <message>
        <source>found in the citizen&apos;s favour</source>
        <translation>وارد (به سود شهروند)</translation>
    </message>
    <message>
        <source>average satisfaction (1–5)</source>
        <translation>میانگین رضایت (۱ تا ۵)</translation>
    </message>
    <message>
        <source>reopen rate</source>
        <translation>نرخ بازگشایی</translation>
    </message>
    <message>
        <source>open by escalation level</source>
        <translation>باز به تفکیک سطح ارجاع</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;سطح:</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>دستگاه‌ها</translation>
    </message>
    <message>
        <source>Provinces</source>
        <translation>استان‌ها</translation>
    </message>
    <message>
        <source>Provincial directorates</source>
        <translation>اداره‌های کل استانی</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>اداره‌ها</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>امتیاز: %1</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>در حال محاسبه…</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>آمار محاسبه نشد: %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>به‌روز شده در %1</translation>
    </message>
    <message>
        <source>Computed in %1 ms</source>
        <translation>محاسبه در %1 میلی‌ثانیه</translation>
    </message>
    <message>
        <source>level %1: %2</source>
        <translation>سطح %1: %2</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>مهلت %1</translation>
    </message>
    <message>
        <source>average resolution (target %1)</source>
        <translation>میانگین زمان رسیدگی (مهلت %1)</translation>
    </message>
    <message>
        <source>median resolution (target %1)</source>
        <translation>میانه زمان رسیدگی (مهلت %1)</translation>
    </message>
    <message>
        <source>complaints</source>
        <translation>شکایت</translation>
    </message>
    <message>
        <source>Complaints per day</source>
        <translation>شکایت‌ها در هر روز</translation>
    </message>
    <message>
        <source>received %1</source>
        <translation>دریافت‌شده در %1</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>به تفکیک موضوع</translation>
    </message>
    <message>
        <source>Agencies with the most complaints</source>
        <translation>دستگاه‌های با بیشترین شکایت</translation>
    </message>
    <message>
        <source>resolved within target (%)</source>
        <translation>رسیدگی در مهلت (٪)</translation>
    </message>
    <message>
        <source>Agencies by share resolved within target (%)</source>
        <translation>دستگاه‌ها به ترتیب رسیدگی در مهلت (٪)</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1 و بیشتر</translation>
    </message>
    <message>
        <source>Resolution time (hours:minutes; red line: the %1 target)</source>
        <translation>زمان رسیدگی (ساعت:دقیقه؛ خط قرمز: مهلت %1)</translation>
    </message>
    <message>
        <source>target</source>
        <translation>مهلت</translation>
    </message>
    <message>
        <source>citizens</source>
        <translation>شهروند</translation>
    </message>
    <message>
        <source>satisfaction %1</source>
        <translation>رضایت %1</translation>
    </message>
    <message>
        <source>Satisfaction (1–5)</source>
        <translation>رضایت (۱ تا ۵)</translation>
    </message>
    <message>
        <source>%1, open</source>
        <translation>%1، باز</translation>
    </message>
    <message>
        <source>rated by the citizen</source>
        <translation>امتیازداده‌شده از سوی شهروند</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>بازگشایی‌شده</translation>
    </message>
    <message>
        <source>open and escalated</source>
        <translation>باز و ارجاع‌شده به سطح بالاتر</translation>
    </message>
    <message>
        <source>Show these complaints in the queue</source>
        <translation>نمایش این شکایت‌ها در صف</translation>
    </message>
    <message>
        <source>resolved in %1 to %2</source>
        <translation>رسیدگی‌شده در %1 تا %2</translation>
    </message>
    <message>
        <source>resolved in %1 or more</source>
        <translation>رسیدگی‌شده در %1 یا بیشتر</translation>
    </message>
</context>
<context>
    <name>fouad::ui::JalaliDateEdit</name>
    <message>
        <source>yyyy/mm/dd</source>
        <translation>سال/ماه/روز</translation>
    </message>
    <message>
        <source>Pick a day from the Jalali calendar</source>
        <translation>انتخاب روز از تقویم خورشیدی</translation>
    </message>
    <message>
        <source>Not a Jalali date: type year/month/day, for example 1405/09/01. It is ignored until corrected.</source>
        <translation>این تاریخ خورشیدی نیست: سال/ماه/روز بنویسید، مثلاً ۱۴۰۵/۰۹/۰۱. تا درست نشود به حساب نمی‌آید.</translation>
    </message>
</context>
<context>
    <name>fouad::ui::MainWindow</name>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;میز کار</translation>
    </message>
    <message>
        <source>Das&amp;hboard</source>
        <translation>&amp;داشبورد</translation>
    </message>
</context>
<context>
    <name>fouad::ui::QueueView</name>
    <message>
        <source>Show all</source>
        <translation>نمایش همه</translation>
    </message>
    <message>
        <source>From the dashboard: %1</source>
        <translation>از داشبورد: %1</translation>
    </message>
</context>
<context>
    <name>fouad::ui::ScorecardModel</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>رتبه</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>دستگاه</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Provincial directorate</source>
        <translation>اداره کل استانی</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>اداره</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>شکایت‌ها</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>وارد</translation>
    </message>
    <message>
        <source>Within target</source>
        <translation>در مهلت</translation>
    </message>
    <message>
        <source>Average resolution</source>
        <translation>میانگین رسیدگی</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>بازگشایی</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>رضایت</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source> (hours)</source>
        <translation> (ساعت)</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ساعت و %2 دقیقه</translation>
    </message>
    <message>
        <source>Agencies' scorecard</source>
        <translation>کارنامهٔ دستگاه‌ها</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>دستگاه</translation>
    </message>
    <message>
        <source>Average resolution (hours)</source>
        <translation>میانگین زمان رفع (ساعت)</translation>
    </message>
    <message>
        <source>Average resolution time</source>
        <translation>میانگین زمان رفع</translation>
    </message>
    <message>
        <source>Average satisfaction</source>
        <translation>میانگین رضایت</translation>
    </message>
    <message>
        <source>Average satisfaction (1–5)</source>
        <translation>میانگین رضایت (۱ تا ۵)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>مسیر دریافت</translation>
    </message>
    <message>
        <source>Citizen's name</source>
        <translation>نام شهروند</translation>
    </message>
    <message>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>شکایت‌ها</translation>
    </message>
    <message>
        <source>Complaints per agency</source>
        <translation>شکایت‌ها به تفکیک دستگاه</translation>
    </message>
    <message>
        <source>Complaints per day</source>
        <translation>شکایت‌ها در هر روز</translation>
    </message>
    <message>
        <source>Complaints registered</source>
        <translation>شکایت‌های ثبت‌شده</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
    <message>
        <source>Directorate</source>
        <translation>اداره‌کل استانی</translation>
    </message>
    <message>
        <source>Escalation level</source>
        <translation>سطح ارجاع بالاتر</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>شاخص</translation>
    </message>
    <message>
        <source>Found in the citizen's favour</source>
        <translation>وارد (به سود شهروند)</translation>
    </message>
    <message>
        <source>Founded share</source>
        <translation>سهم وارد</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>شاخص‌های اصلی</translation>
    </message>
    <message>
        <source>Made on %1; personal data %2</source>
        <translation>تهیه‌شده در %1؛ اطلاعات شخصی %2</translation>
    </message>
    <message>
        <source>Median resolution time</source>
        <translation>میانهٔ زمان رفع</translation>
    </message>
    <message>
        <source>National ID</source>
        <translation>کد ملی</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>واحد</translation>
    </message>
    <message>
        <source>Only supervisors and administrators may include personal data.</source>
        <translation>فقط سرپرستان و مدیران سامانه می‌توانند اطلاعات شخصی را در گزارش بیاورند.</translation>
    </message>
    <message>
        <source>Open at escalation level %1</source>
        <translation>باز در سطح ارجاع %1</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>باز در حال حاضر</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>صفحهٔ %1</translation>
    </message>
    <message>
        <source>Period: %1 to %2</source>
        <translation>دوره: از %1 تا %2</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Province: %1 · Agency: %2</source>
        <translation>استان: %1 · دستگاه: %2</translation>
    </message>
    <message>
        <source>Provincial directorates' scorecard</source>
        <translation>کارنامهٔ ادارات کل استانی</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>رتبه</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>زمان دریافت</translation>
    </message>
    <message>
        <source>Received (Jalali)</source>
        <translation>زمان دریافت (شمسی)</translation>
    </message>
    <message>
        <source>Received (date)</source>
        <translation>تاریخ دریافت</translation>
    </message>
    <message>
        <source>Reopen rate</source>
        <translation>نرخ بازگشایی</translation>
    </message>
    <message>
        <source>Reopenings</source>
        <translation>دفعات بازگشایی</translation>
    </message>
    <message>
        <source>Report on administrative-emergency complaints</source>
        <translation>گزارش شکایت‌های فوریت‌های اداری</translation>
    </message>
    <message>
        <source>Resolution time (seconds)</source>
        <translation>زمان رفع (ثانیه)</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>رفع‌شده</translation>
    </message>
    <message>
        <source>Resolved (date)</source>
        <translation>تاریخ رفع</translation>
    </message>
    <message>
        <source>Resolved within target</source>
        <translation>رفع در مهلت</translation>
    </message>
    <message>
        <source>SLA compliance</source>
        <translation>رعایت مهلت</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>رضایت</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>کارنامه</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Tracking code</source>
        <translation>کد رهگیری</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>all</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>included</source>
        <translation>آمده است</translation>
    </message>
    <message>
        <source>masked</source>
        <translation>پوشانده شده است</translation>
    </message>
</context>
<context>
    <name>DatabaseBackup</name>
    <message>
        <source>%1 was not found: install PostgreSQL&apos;s client programs (Debian: postgresql-client) or put %1 on the PATH.</source>
        <translation>برنامهٔ %1 پیدا نشد: برنامه‌های کارخواه PostgreSQL را نصب کنید (در دبیان: postgresql-client) یا %1 را در PATH بگذارید.</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>برنامهٔ %1 اجرا نشد: %2</translation>
    </message>
    <message>
        <source>%1 failed (exit %2): %3</source>
        <translation>برنامهٔ %1 ناموفق بود (کد خروج %2): %3</translation>
    </message>
    <message>
        <source>%1 already holds complaints (%2): a restore does not overwrite them. Restore into a new database, or give --replace to replace them.</source>
        <translation>در %1 از پیش شکایت هست (%2): بازگردانی آن‌ها را بازنویسی نمی‌کند. در پایگاه دادهٔ تازه‌ای بازگردانید، یا برای جایگزین کردنشان ‎--replace‎ را بدهید.</translation>
    </message>
    <message>
        <source>This file is an SQLite database but not a backup of Fouad Console.</source>
        <translation>این پرونده پایگاه دادهٔ SQLite است، ولی پشتیبانِ کنسول فوأد نیست.</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of Fouad Console (schema %1; this one knows %2). Restore it with that version or a later one.</source>
        <translation>این پشتیبان را نسخهٔ تازه‌تری از کنسول فوأد ساخته است (طرح‌وارهٔ %1؛ این نسخه تا %2 را می‌شناسد). آن را با همان نسخه یا نسخه‌ای تازه‌تر بازگردانید.</translation>
    </message>
    <message>
        <source>The backup %1 is damaged: it cannot be restored. Use another backup.</source>
        <translation>پشتیبان %1 آسیب دیده است و بازگردانی نمی‌شود. پشتیبان دیگری را به کار ببرید.</translation>
    </message>
    <message>
        <source>The backup is the database itself: name another database with --db.</source>
        <translation>پشتیبان همان خودِ پایگاه داده است: با ‎--db‎ پایگاه دادهٔ دیگری را نام ببرید.</translation>
    </message>
    <message>
        <source>The database driver gives no SQLite handle.</source>
        <translation>راه‌انداز پایگاه داده دستگیرهٔ SQLite نمی‌دهد.</translation>
    </message>
    <message>
        <source>Cannot read the backup %1.</source>
        <translation>پشتیبان %1 خوانده نمی‌شود.</translation>
    </message>
    <message>
        <source>The backup could not be restored.</source>
        <translation>پشتیبان بازگردانی نشد.</translation>
    </message>
    <message>
        <source>This file is a PostgreSQL dump but not a backup of Fouad Console.</source>
        <translation>این پرونده خروجی PostgreSQL است، ولی پشتیبانِ کنسول فوأد نیست.</translation>
    </message>
    <message>
        <source>The login %1 could not be recreated: the restore needs a login that may create roles.</source>
        <translation>حساب ورود %1 دوباره ساخته نشد: بازگردانی به حسابی نیاز دارد که بتواند نقش بسازد.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>پوشهٔ %1 وجود ندارد.</translation>
    </message>
    <message>
        <source>The backup cannot be the database itself.</source>
        <translation>پشتیبان نمی‌تواند خودِ پایگاه داده باشد.</translation>
    </message>
    <message>
        <source>Cannot write the backup %1.</source>
        <translation>پشتیبان %1 نوشته نمی‌شود.</translation>
    </message>
    <message>
        <source>The backup could not be written.</source>
        <translation>پشتیبان نوشته نشد.</translation>
    </message>
    <message>
        <source>The backup could not be saved as %1.</source>
        <translation>پشتیبان با نام %1 ذخیره نشد.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 خوانده نمی‌شود.</translation>
    </message>
    <message>
        <source>%1 is not a backup made by &quot;fouadctl backup&quot;.</source>
        <translation>%1 پشتیبانی نیست که «fouadctl backup» ساخته باشد.</translation>
    </message>
    <message>
        <source>This is a backup of an SQLite database: restore it into SQLite (--db sqlite:FILE).</source>
        <translation>این پشتیبانِ یک پایگاه دادهٔ SQLite است: آن را در SQLite بازگردانید (‎--db sqlite:FILE‎).</translation>
    </message>
    <message>
        <source>This is a backup of a PostgreSQL database: restore it into PostgreSQL (--db postgresql://…).</source>
        <translation>این پشتیبانِ یک پایگاه دادهٔ PostgreSQL است: آن را در PostgreSQL بازگردانید (‎--db postgresql://…‎).</translation>
    </message>
    <message>
        <source>Unknown backup.</source>
        <translation>پشتیبان ناشناخته.</translation>
    </message>
</context>
<context>
    <name>fouad::ui::UpgradeDialog</name>
    <message>
        <source>Upgrade the database</source>
        <translation>ارتقای پایگاه داده</translation>
    </message>
    <message>
        <source>This database holds %1 complaints and was made by an earlier version of Fouad Console (schema %2). This version upgrades it in place to schema %3; each step is applied whole or not at all. Make a backup first, so the centre can go back to it if anything is wrong.</source>
        <translation>این پایگاه داده %1 شکایت دارد و نسخهٔ پیشینی از کنسول فوأد آن را ساخته است (طرح‌وارهٔ %2). این نسخه آن را در جای خود به طرح‌وارهٔ %3 ارتقا می‌دهد؛ هر گام یا کامل انجام می‌شود یا هیچ. نخست پشتیبان بگیرید تا اگر چیزی درست نبود، مرکز بتواند به آن برگردد.</translation>
    </message>
    <message>
        <source>Backup &amp;file:</source>
        <translation>&amp;پروندهٔ پشتیبان:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>&amp;Back up, then upgrade</source>
        <translation>&amp;پشتیبان بگیر، سپس ارتقا بده</translation>
    </message>
    <message>
        <source>&amp;Upgrade without a backup</source>
        <translation>ارتقا &amp;بدون پشتیبان</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>پروندهٔ پشتیبان</translation>
    </message>
    <message>
        <source>Give the file the backup is written to.</source>
        <translation>پرونده‌ای را که پشتیبان در آن نوشته می‌شود بدهید.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist: choose another file for the backup.</source>
        <translation>پوشهٔ %1 وجود ندارد: پروندهٔ دیگری برای پشتیبان انتخاب کنید.</translation>
    </message>
    <message>
        <source>Not backed up, and nothing changed: %1</source>
        <translation>پشتیبان گرفته نشد و چیزی تغییر نکرد: %1</translation>
    </message>
</context>
<context>
    <name>fouad::ui::MainWindow</name>
    <message>
        <source>O&amp;ffices…</source>
        <translation>&amp;اداره‌ها…</translation>
    </message>
</context>
<context>
    <name>fouad::ui::OfficesDialog</name>
    <message>
        <source>Offices</source>
        <translation>اداره‌ها</translation>
    </message>
    <message>
        <source>An agency&apos;s offices (branches) in each province: the intake form offers them, and the scorecards rank them. New offices appear in the intake form after the next start.</source>
        <translation>اداره‌های (شعبه‌های) هر دستگاه در هر استان: فرم ثبت آن‌ها را پیشنهاد می‌کند و کارنامه‌ها آن‌ها را رتبه‌بندی می‌کنند. اداره‌های تازه پس از اجرای بعدی در فرم ثبت دیده می‌شوند.</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>دستگاه</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>&amp;Remove the selected office</source>
        <translation>&amp;حذف ادارهٔ انتخاب‌شده</translation>
    </message>
    <message>
        <source>&amp;Import from a CSV file…</source>
        <translation>&amp;ورود از پروندهٔ CSV…</translation>
    </message>
    <message>
        <source>A UTF-8 file with the header code,agency,province,city,name (the city may be empty). One bad row refuses the whole file.</source>
        <translation>پرونده‌ای با رمزگذاری UTF-8 و سطر عنوان code,agency,province,city,name (شهر می‌تواند خالی باشد). یک سطر نادرست کل پرونده را رد می‌کند.</translation>
    </message>
    <message>
        <source>Add an office</source>
        <translation>افزودن اداره</translation>
    </message>
    <message>
        <source>&amp;Agency:</source>
        <translation>&amp;دستگاه:</translation>
    </message>
    <message>
        <source>&amp;Province:</source>
        <translation>&amp;استان:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>&amp;شهر:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;نام:</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>&amp;کد:</translation>
    </message>
    <message>
        <source>A&amp;dd office</source>
        <translation>&amp;افزودن اداره</translation>
    </message>
    <message>
        <source>no one city</source>
        <translation>بدون شهر مشخص</translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation>%1 افزوده شد.</translation>
    </message>
    <message>
        <source>Select an office in the table first.</source>
        <translation>نخست اداره‌ای را در جدول انتخاب کنید.</translation>
    </message>
    <message>
        <source>%1 removed.</source>
        <translation>%1 حذف شد.</translation>
    </message>
    <message>
        <source>Import offices</source>
        <translation>ورود اداره‌ها</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>پرونده‌های CSV (*.csv);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>خواندن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>Nothing imported: %1</source>
        <translation>چیزی وارد نشد: %1</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated, %3 unchanged.</source>
        <translation>وارد شد: %1 افزوده، %2 به‌روز، %3 بدون تغییر.</translation>
    </message>
</context>
</TS>
