; Inno Setup script: the Windows installer of dvdesk.
; Per-user install (no administrator rights): the program under %LOCALAPPDATA%\Programs\dvdesk,
; a Start menu entry, and an uninstaller that keeps the user's data (%LOCALAPPDATA%\dvdesk)
; unless the user ticks the box to erase it.
; Build (on Windows, after the PyInstaller build into dist\dvdesk):
;   iscc /DAppVersion=0.1.0 packaging\dvdesk.iss
; The installer is written to dist\installer\dvdesk-<version>-setup.exe.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{7C1E2F4A-9B3D-4E6F-8A21-D5C4B3A29F10}
AppName=dvdesk
AppVersion={#AppVersion}
AppVerName=dvdesk {#AppVersion}
AppPublisher=dvdesk
DefaultDirName={localappdata}\Programs\dvdesk
DefaultGroupName=dvdesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=dvdesk-{#AppVersion}-setup
SetupIconFile=dvdesk.ico
UninstallDisplayIcon={app}\dvdesk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An update installer run over an older version replaces the program, never the data.
CloseApplications=yes

[Languages]
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\dvdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\dvdesk"; Filename: "{app}\dvdesk.exe"
Name: "{group}\Gỡ cài đặt dvdesk"; Filename: "{uninstallexe}"
Name: "{userdesktop}\dvdesk"; Filename: "{app}\dvdesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Tạo biểu tượng trên màn hình nền"; Flags: unchecked

[Run]
; The program checks itself once after installing: a broken copy is found before the first use.
Filename: "{app}\dvdesk-cli.exe"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Đang tự kiểm tra chương trình..."
Filename: "{app}\dvdesk.exe"; Description: "Mở dvdesk"; Flags: nowait postinstall skipifsilent

[Code]
var
  EraseData: Boolean;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usUninstall then
    EraseData := MsgBox(
      'Xóa cả dữ liệu của dvdesk (cơ sở dữ liệu, bản sao lưu, khóa) trong ' +
      ExpandConstant('{localappdata}\dvdesk') + '?' + #13#10 + #13#10 +
      'Chọn "Không" để giữ dữ liệu (nên chọn, trừ khi đã sao lưu sang nơi khác).',
      mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  if (CurUninstallStep = usPostUninstall) and EraseData then
    DelTree(ExpandConstant('{localappdata}\dvdesk'), True, True, True);
end;
