<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BatchPrinter</name>
    <message numerus="yes">
        <source>Joining %n document(s)…</source>
        <translation>
            <numerusform>Joining %n document…</numerusform>
            <numerusform>Joining %n documents…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CandidateTableModel</name>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Overdue by %n day</numerusform>
            <numerusform>Overdue by %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CandidatesTab</name>
    <message numerus="yes">
        <source>Loading… %n person(s) so far</source>
        <translation>
            <numerusform>Loading… %n person so far</numerusform>
            <numerusform>Loading… %n people so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %n person(s)</source>
        <translation>
            <numerusform>Showing {shown} of %n person</numerusform>
            <numerusform>Showing {shown} of %n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassRoster</name>
    <message numerus="yes">
        <source>%n person(s) nominated.</source>
        <translation>
            <numerusform>%n person nominated.</numerusform>
            <numerusform>%n people nominated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) enrolled.</source>
        <translation>
            <numerusform>%n person enrolled.</numerusform>
            <numerusform>%n people enrolled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) withdrawn.</source>
        <translation>
            <numerusform>%n person withdrawn.</numerusform>
            <numerusform>%n people withdrawn.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Results recorded for %n person(s).</source>
        <translation>
            <numerusform>Results recorded for %n person.</numerusform>
            <numerusform>Results recorded for %n people.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) issued.</source>
        <translation>
            <numerusform>%n certificate issued.</numerusform>
            <numerusform>%n certificates issued.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassesTab</name>
    <message numerus="yes">
        <source>Loading… %n class(es) so far</source>
        <translation>
            <numerusform>Loading… %n class so far</numerusform>
            <numerusform>Loading… %n classes so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n class(es)</source>
        <translation>
            <numerusform>%n class</numerusform>
            <numerusform>%n classes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %n class(es)</source>
        <translation>
            <numerusform>Showing {shown} of %n class</numerusform>
            <numerusform>Showing {shown} of %n classes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message numerus="yes">
        <source>%n mistake(s) in {file}. Correct them in the file and import it again.</source>
        <translation>
            <numerusform>%n mistake in {file}. Correct it in the file and import it again.</numerusform>
            <numerusform>%n mistakes in {file}. Correct them in the file and import it again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue step(s)</source>
        <translation>
            <numerusform>%n overdue step</numerusform>
            <numerusform>%n overdue steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MentorsTab</name>
    <message numerus="yes">
        <source>Loading… %n member(s) so far</source>
        <translation>
            <numerusform>Loading… %n member so far</numerusform>
            <numerusform>Loading… %n members so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %n member(s)</source>
        <translation>
            <numerusform>Showing {shown} of %n member</numerusform>
            <numerusform>Showing {shown} of %n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message numerus="yes">
        <source>Not saved: correct the fields marked below (%n problem(s)).</source>
        <translation>
            <numerusform>Not saved: correct the field marked below (%n problem).</numerusform>
            <numerusform>Not saved: correct the fields marked below (%n problems).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>overdue by %n day</numerusform>
            <numerusform>overdue by %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue step(s)</source>
        <translation>
            <numerusform>%n overdue step</numerusform>
            <numerusform>%n overdue steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n person(s))</source>
        <translation>
            <numerusform>(%n person)</numerusform>
            <numerusform>(%n people)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n class(es)</source>
        <translation>
            <numerusform>%n class</numerusform>
            <numerusform>%n classes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) to send</source>
        <translation>
            <numerusform>%n person to send</numerusform>
            <numerusform>%n people to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodoPanel</name>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in all</source>
        <translation>
            <numerusform>%n in all</numerusform>
            <numerusform>%n in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodoTableModel</name>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Overdue by %n day</numerusform>
            <numerusform>Overdue by %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>In %n day</numerusform>
            <numerusform>In %n days</numerusform>
        </translation>
    </message>
</context>
</TS>
