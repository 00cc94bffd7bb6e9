; Inno Setup 6 script of the Registru installer for Windows (docs/installer-guide.*.md).
;
; Built by `python packaging\build.py` on Windows when ISCC.exe (Inno Setup 6.3 or newer) is installed:
;   ISCC /DAppVersion=0.1.0 /DDistDir=...\dist /O...\dist packaging\windows\registru.iss
; → dist\registru-<version>-setup.exe
;
; * Per-machine install (administrator rights) into C:\Program Files\Registru: registru.exe (console:
;   the command line) and registru-gui.exe (no console: what the shortcuts start) over the same files.
; * Start menu and desktop shortcuts (the desktop one can be unticked; /TASKS= on the command line).
; * Silent install with a provisioning file:
;       registru-0.1.0-setup.exe /VERYSILENT /PROVISION="E:\florești\registru-provision.json"
;   The file is copied to C:\ProgramData\Registru\registru-provision.json, writable by the local users so
;   the clerk's first start (in the clerk's own account: data dir, keyring) provisions from it and consumes
;   it; the installer also passes it to the first start it offers ("Start Registru" at the end).
; * Uninstalling keeps the data (%LOCALAPPDATA%\Registru): a registry is never deleted by an uninstaller.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\..\dist"
#endif

[Setup]
AppId={{6E0C5D2B-9A51-4C1B-8F0E-52A7C4B1D0A1}
AppName=Registru
AppVersion={#AppVersion}
AppVerName=Registru {#AppVersion}
AppPublisher=Registru
DefaultDirName={autopf}\Registru
DefaultGroupName=Registru
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=registru-{#AppVersion}-setup
SetupIconFile=..\icons\registru.ico
UninstallDisplayIcon={app}\registru-gui.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
CloseApplications=yes

[Languages]
Name: "ro"; MessagesFile: "compiler:Languages\Romanian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Dirs]
; the provisioning file lives here until the first start consumes it: local users may modify/delete it
Name: "{commonappdata}\Registru"; Permissions: users-modify

[Files]
Source: "{#DistDir}\registru\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{code:ProvisionFile}"; DestDir: "{commonappdata}\Registru"; DestName: "registru-provision.json"; \
  Flags: external ignoreversion; Permissions: users-modify; Check: HasProvisionFile

[Icons]
Name: "{group}\Registru"; Filename: "{app}\registru-gui.exe"; WorkingDir: "{app}"
Name: "{group}\Registru — verificare (self-check)"; Filename: "{cmd}"; \
  Parameters: "/k ""{app}\registru.exe"" self-check"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,Registru}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Registru"; Filename: "{app}\registru-gui.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; `registru` in any new command prompt
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: expandsz; \
  ValueName: "Path"; ValueData: "{olddata};{app}"; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
; offered at the end of an interactive install; runs as the logged-in user (not elevated), so the data dir
; and the keyring are the clerk's
Filename: "{app}\registru-gui.exe"; Parameters: "{code:ProvisionArg}"; Description: "{cm:LaunchProgram,Registru}"; \
  Flags: nowait postinstall skipifsilent runasoriginaluser

[Code]
function ProvisionFile(Param: String): String;
begin
  Result := ExpandConstant('{param:PROVISION|}');
end;

function HasProvisionFile(): Boolean;
begin
  Result := (ProvisionFile('') <> '') and FileExists(ProvisionFile(''));
end;

function ProvisionArg(Param: String): String;
begin
  if HasProvisionFile() then
    Result := '--provision "' + ExpandConstant('{commonappdata}') + '\Registru\registru-provision.json"'
  else
    Result := '';
end;

function InitializeSetup(): Boolean;
begin
  Result := True;
  if (ProvisionFile('') <> '') and not FileExists(ProvisionFile('')) then
  begin
    SuppressibleMsgBox('Fișierul de provizionare nu există / provisioning file not found: ' + ProvisionFile(''),
      mbCriticalError, MB_OK, IDOK);
    Result := False;
  end;
end;

function NeedsAddPath(Dir: String): Boolean;
var
  Path: String;
begin
  if not RegQueryStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment', 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;
