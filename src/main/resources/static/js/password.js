// Progressive enhancement: a "show password" button next to each password field of a form that names the
// button's texts (data-show-password / data-hide-password), so nobody has to type a password twice.
document.querySelectorAll('form[data-show-password]').forEach(function (form) {
  form.querySelectorAll('input[type="password"]').forEach(function (input) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary reveal-password';
    button.setAttribute('aria-pressed', 'false');
    button.setAttribute('aria-controls', input.id);
    button.textContent = form.dataset.showPassword;
    button.addEventListener('click', function () {
      var shown = input.type === 'text';
      input.type = shown ? 'password' : 'text';
      button.setAttribute('aria-pressed', String(!shown));
      button.textContent = shown ? form.dataset.showPassword : form.dataset.hidePassword;
    });
    input.insertAdjacentElement('afterend', button);
  });
});
